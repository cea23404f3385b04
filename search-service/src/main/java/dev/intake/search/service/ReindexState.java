package dev.intake.search.service;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The rebuild state in {@code search_reindex}, shared by all replicas: a lease so that one rebuild
 * runs at a time, and the index being built, which every replica's event handlers also write to.
 * Blocking: call from worker threads.
 */
@ApplicationScoped
public class ReindexState {

    /** A rebuild whose replica stopped renewing this for so long is taken as abandoned. */
    public static final Duration LEASE = Duration.ofMinutes(5);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(10);
    private static final String LEASE_SQL = "make_interval(secs => " + LEASE.toSeconds() + ")";

    public enum Phase {
        IDLE, RUNNING, SUCCEEDED, FAILED
    }

    public record Run(Phase phase, Instant startedAt, Instant finishedAt, long documents, String buildingIndex,
            String error) {
    }

    private final Pool pool;
    private final String owner = UUID.randomUUID().toString();

    public ReindexState(Pool pool) {
        this.pool = pool;
    }

    /** Reads in the handlers' transaction: the index being built, if a live rebuild runs. */
    public static final String BUILDING_SQL = "SELECT building_index FROM search_reindex WHERE id = 1"
            + " AND phase = 'RUNNING' AND building_index IS NOT NULL AND heartbeat_at > now() - " + LEASE_SQL;

    public Run current() {
        Row row = run("SELECT phase, started_at, finished_at, documents, building_index, error,"
                + " heartbeat_at < now() - " + LEASE_SQL + " AS abandoned FROM search_reindex WHERE id = 1", Tuple.tuple())
                .iterator().next();
        Phase phase = Phase.valueOf(row.getString("phase"));
        boolean abandoned = phase == Phase.RUNNING && Boolean.TRUE.equals(row.getBoolean("abandoned"));
        return new Run(abandoned ? Phase.FAILED : phase, instant(row, "started_at"), instant(row, "finished_at"),
                row.getLong("documents"), abandoned ? null : row.getString("building_index"),
                abandoned ? "The replica running the rebuild stopped." : row.getString("error"));
    }

    /** Takes the lease; false while another rebuild runs (here or on another replica). */
    boolean tryStart() {
        return run("UPDATE search_reindex SET phase = 'RUNNING', owner = $1, building_index = NULL,"
                + " heartbeat_at = now(), started_at = now(), finished_at = NULL, documents = 0, error = NULL"
                + " WHERE id = 1 AND (phase <> 'RUNNING' OR heartbeat_at < now() - " + LEASE_SQL + ")",
                Tuple.of(owner)).rowCount() == 1;
    }

    /** From now on event writes also go to {@code index}, which exists with its settings. */
    void building(String index) {
        mine("building_index = $2", Tuple.of(owner, index));
    }

    void progress(long documents) {
        mine("documents = $2", Tuple.of(owner, documents));
    }

    void finish(Phase phase, String error) {
        mine("phase = $2, error = $3, building_index = NULL, finished_at = now(), owner = NULL",
                Tuple.of(owner, phase.name(), error));
    }

    private void mine(String set, Tuple values) {
        if (run("UPDATE search_reindex SET " + set + ", heartbeat_at = now() WHERE id = 1 AND owner = $1", values)
                .rowCount() != 1) {
            throw new IllegalStateException("the rebuild lease was lost");
        }
    }

    private RowSet<Row> run(String sql, Tuple values) {
        return pool.preparedQuery(sql).execute(values).await().atMost(DB_TIMEOUT);
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
