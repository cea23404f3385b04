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

/** The SQL of the outbox's delivery states. Only the relay and the admin endpoints write through it. */
@ApplicationScoped
public class OutboxStore {

    /**
     * Leases due deliveries. A delivery waits while an earlier one for the same subscriber and aggregate is
     * still pending (even if in backoff or leased by another relay), so each aggregate's events arrive in
     * order; SKIP LOCKED lets several relays claim disjoint batches.
     */
    private static final String CLAIM = """
            UPDATE outbox_delivery d
            SET claimed_until = now() + $2 * interval '1 millisecond', attempts = d.attempts + 1
            FROM (
                SELECT c.event_id, c.subscriber FROM outbox_delivery c
                WHERE c.status = 'PENDING' AND c.next_attempt_at <= now()
                  AND (c.claimed_until IS NULL OR c.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM outbox_delivery p
                                  WHERE p.subscriber = c.subscriber AND p.aggregate_key = c.aggregate_key
                                    AND p.status = 'PENDING' AND p.seq < c.seq)
                ORDER BY c.seq
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            ) picked, outbox_event e
            WHERE d.event_id = picked.event_id AND d.subscriber = picked.subscriber AND e.id = d.event_id
            RETURNING d.event_id, d.subscriber, d.attempts, d.seq, e.type, e.version, e.correlation_id, e.occurred_at
            """;

    private final Pool pool;

    public OutboxStore(Pool pool) {
        this.pool = pool;
    }

    Uni<List<ClaimedDelivery>> claim(int batchSize, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(batchSize, lease.toMillis()))
                .map(rows -> {
                    List<Row> list = new java.util.ArrayList<>();
                    rows.forEach(list::add);
                    list.sort(java.util.Comparator.comparingLong(r -> r.getLong("seq")));
                    return list.stream().map(ClaimedDelivery::from).toList();
                });
    }

    /**
     * The payload of one event. Read per delivery, not with the claimed batch: payloads can be large
     * (document texts), and a batch of them at once does not fit a service's heap.
     */
    Uni<String> payload(java.util.UUID eventId) {
        return pool.preparedQuery("SELECT payload::text FROM outbox_event WHERE id = $1").execute(Tuple.of(eventId))
                .map(rows -> rows.iterator().next().getString(0));
    }

    Uni<Void> markDelivered(ClaimedDelivery d) {
        return update("""
                UPDATE outbox_delivery SET status = 'DELIVERED', delivered_at = now(), claimed_until = NULL, last_error = NULL
                WHERE event_id = $1 AND subscriber = $2
                """, Tuple.of(d.eventId(), d.subscriber()));
    }

    Uni<Void> markRetry(ClaimedDelivery d, Duration wait, String error) {
        return update("""
                UPDATE outbox_delivery SET claimed_until = NULL, last_error = $3,
                       next_attempt_at = now() + $4 * interval '1 millisecond'
                WHERE event_id = $1 AND subscriber = $2
                """, Tuple.of(d.eventId(), d.subscriber(), error, wait.toMillis()));
    }

    Uni<Void> markDead(ClaimedDelivery d, String error) {
        return update("""
                UPDATE outbox_delivery SET status = 'DEAD', claimed_until = NULL, last_error = $3
                WHERE event_id = $1 AND subscriber = $2
                """, Tuple.of(d.eventId(), d.subscriber(), error));
    }

    /** Removes events whose every delivery succeeded longer ago than the retention. */
    Uni<Integer> prune(Duration retention) {
        return pool.preparedQuery("""
                DELETE FROM outbox_event e
                WHERE e.occurred_at < now() - $1 * interval '1 millisecond'
                  AND NOT EXISTS (SELECT 1 FROM outbox_delivery d WHERE d.event_id = e.id AND d.status <> 'DELIVERED')
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

    private Uni<Void> update(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).replaceWithVoid();
    }

    public record OutboxStats(long pending, long deadLetters, double oldestPendingAgeSeconds) {
    }

    public record DeadLetter(UUID eventId, String subscriber, String type, String aggregateType, String aggregateId,
            int attempts, String lastError, OffsetDateTime occurredAt) {
    }
}
