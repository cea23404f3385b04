package dev.intake.platform.event;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The outbox's SQL for upkeep and the admin endpoints; deliveries themselves are the work engine's (OutboxRelay). */
@ApplicationScoped
public class OutboxStore {

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    /** Removes events older than the retention whose deliveries all succeeded (and are gone). */
    Uni<Integer> prune(Duration retention) {
        return pool.preparedQuery("""
                DELETE FROM outbox_event e
                WHERE e.occurred_at < now() - $1 * interval '1 millisecond'
                  AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id)
                """).execute(Tuple.of(retention.toMillis())).map(rows -> rows.rowCount());
    }

    Uni<Integer> pruneInbox(Duration retention) {
        return pool.preparedQuery("DELETE FROM inbox_event WHERE processed_at < now() - $1 * interval '1 millisecond'")
                .execute(Tuple.of(retention.toMillis())).map(rows -> rows.rowCount());
    }

    /** Pending deliveries, dead letters and the age in seconds of the oldest pending one. */
    public Uni<OutboxStats> stats() {
        return pool.query("""
                SELECT count(*) FILTER (WHERE d.status = 'PENDING') AS pending,
                       count(*) FILTER (WHERE d.status = 'DEAD') AS dead,
                       COALESCE(EXTRACT(EPOCH FROM now() - min(e.occurred_at) FILTER (WHERE d.status = 'PENDING')), 0) AS oldest
                FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                WHERE d.status <> 'DELIVERED'
                """).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new OutboxStats(row.getLong("pending"), row.getLong("dead"),
                    row.getNumeric("oldest").doubleValue());
        });
    }

    public Uni<List<DeadLetter>> deadLetters(int limit, int offset) {
        return pool.preparedQuery("""
                SELECT d.event_id, d.subscriber, d.attempts, d.last_error, e.type, e.aggregate_type, e.aggregate_id,
                       e.occurred_at
                FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                WHERE d.status = 'DEAD'
                ORDER BY d.seq
                LIMIT $1 OFFSET $2
                """).execute(Tuple.of(limit, offset)).map(rows -> {
            List<DeadLetter> letters = new java.util.ArrayList<>();
            for (Row r : rows) {
                letters.add(new DeadLetter(r.getUUID("event_id"), r.getString("subscriber"), r.getString("type"),
                        r.getString("aggregate_type"), r.getString("aggregate_id"), r.getInteger("attempts"),
                        r.getString("last_error"), r.getOffsetDateTime("occurred_at")));
            }
            return letters;
        });
    }

    /** Puts dead deliveries back in the queue with fresh attempts; {@code null} arguments match all. */
    public Uni<Integer> replay(UUID eventId, String subscriber) {
        return pool.preparedQuery("""
                UPDATE outbox_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now(),
                       claimed_until = NULL, last_error = NULL
                WHERE status = 'DEAD' AND ($1::uuid IS NULL OR event_id = $1) AND ($2::text IS NULL OR subscriber = $2)
                """).execute(Tuple.of(eventId, subscriber)).map(rows -> rows.rowCount());
    }

    public record OutboxStats(long pending, long deadLetters, double oldestPendingAgeSeconds) {
    }

    public record DeadLetter(UUID eventId, String subscriber, String type, String aggregateType, String aggregateId,
            int attempts, String lastError, OffsetDateTime occurredAt) {
    }
}
