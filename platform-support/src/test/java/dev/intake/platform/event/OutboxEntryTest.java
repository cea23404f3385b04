package dev.intake.platform.event;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** {@link Outbox#entry}: the outbox insert inside a producer's own statement, on the reactive pool. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class OutboxEntryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Inject
    Outbox outbox;

    @Inject
    Pool pool;

    RecorderControl consumer = new RecorderControl();

    private Outbox.Entry probe(String aggregate, int position) {
        return outbox.entry("probe", aggregate, "probe.happened", 1,
                Map.of("aggregate", aggregate, "position", position, "poison", false));
    }

    private long count(String sql, Object... args) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(args)).iterator().next().getLong(0);
    }

    @Test
    void anEntryInOneStatementIsStoredAndDeliveredLikeAPublishedEvent() {
        Outbox.Entry entry = probe("entry-a", 0);
        // one statement in autocommit: the producer's own row (here a constant), then the event and its deliveries
        Row row = pool.preparedQuery("WITH mine AS (SELECT $1::text AS label),\n" + Outbox.Entry.ctes(1)
                + "\nSELECT " + Outbox.EVENT_CTE + ".id, mine.label FROM " + Outbox.EVENT_CTE + ", mine")
                .executeAndAwait(entry.addTo(Tuple.of("mine"))).iterator().next();
        assertEquals(entry.eventId(), row.getUUID("id"));
        assertEquals("mine", row.getString("label"));
        assertEquals(Outbox.Entry.PARAMETERS, entry.parameters().size());

        Row stored = pool.preparedQuery("""
                SELECT e.aggregate_type, e.aggregate_id, e.version, e.payload->>'aggregate' AS aggregate, e.correlation_id,
                       d.subscriber, d.aggregate_key, d.seq = e.seq AS same_seq, d.status
                FROM outbox_event e JOIN outbox_delivery d ON d.event_id = e.id WHERE e.id = $1
                """).executeAndAwait(Tuple.of(entry.eventId())).iterator().next();
        assertEquals("probe", stored.getString("aggregate_type"));
        assertEquals("entry-a", stored.getString("aggregate"));
        assertEquals(1, stored.getInteger("version"));
        assertNotNull(stored.getString("correlation_id"));
        assertEquals("recorder", stored.getString("subscriber"));
        assertEquals("probe:entry-a", stored.getString("aggregate_key"));
        assertEquals(true, stored.getBoolean("same_seq"));
        assertEquals("PENDING", stored.getString("status"));

        // published ones after it, through the Hibernate path: all in order for the aggregate
        ProbeEvents.publish("entry-a", 1, 2);
        await().atMost(PATIENCE).until(() -> consumer.receiptsOf("entry-a").size() == 3);
        List<RecorderControl.Receipt> receipts = consumer.receiptsOf("entry-a");
        assertEquals(List.of(0, 1, 2), ProbeEvents.positions(receipts));
        assertEquals(entry.eventId(), receipts.get(0).eventId());
    }

    @Test
    void aConditionalEntryIsStoredOnlyWhenItsConditionHolds() {
        String sql = "WITH guard AS (SELECT $1::boolean AS ok),\n" + Outbox.Entry.ctes(1, "(SELECT ok FROM guard)")
                + "\nSELECT count(*) FROM " + Outbox.DELIVERIES_CTE;
        Outbox.Entry refused = probe("entry-guarded", 0);
        assertEquals(0L, pool.preparedQuery(sql).executeAndAwait(refused.addTo(Tuple.of(false))).iterator().next()
                .getLong(0));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE id = $1", refused.eventId()));
        assertEquals(0, count("SELECT count(*) FROM outbox_delivery WHERE event_id = $1", refused.eventId()));

        Outbox.Entry accepted = probe("entry-guarded", 1);
        assertEquals(1L, pool.preparedQuery(sql).executeAndAwait(accepted.addTo(Tuple.of(true))).iterator().next()
                .getLong(0));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE id = $1", accepted.eventId()));
        await().atMost(PATIENCE).until(() -> consumer.receiptsOf("entry-guarded").size() == 1);
    }
}
