package dev.intake.platform.event;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class OutboxDeliveryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    RecorderControl consumer = new RecorderControl();

    private RecorderControl consumer() {
        return consumer;
    }

    @Test
    void deliversEachAggregatesEventsInOrderWithTokenAndCorrelationId() {
        ProbeEvents.publish("order-a", 0, 10);
        ProbeEvents.publish("order-b", 0, 10);
        ProbeEvents.publish("order-a", 10, 10);

        await().atMost(PATIENCE).until(() -> consumer().receiptsOf("order-a").size() == 20
                && consumer().receiptsOf("order-b").size() == 10);

        assertEquals(IntStream.range(0, 20).boxed().toList(), ProbeEvents.positions(consumer().receiptsOf("order-a")));
        assertEquals(IntStream.range(0, 10).boxed().toList(), ProbeEvents.positions(consumer().receiptsOf("order-b")));
        RecorderControl.Receipt first = consumer().receiptsOf("order-b").get(0);
        assertEquals(RecordingConsumerResource.TOKEN, first.token(), "the token of this subscriber's pair");
        assertEquals("produce-order-b", first.correlationId());
    }

    @Test
    void aRolledBackChangeEmitsNothing() throws InterruptedException {
        given().queryParam("aggregate", "rolled-back").queryParam("from", 0).queryParam("count", 3)
                .queryParam("rollback", true)
                .post("/api/v1/probe-events/publish").then().statusCode(500);
        ProbeEvents.publish("after-rollback", 0, 1);

        await().atMost(PATIENCE).until(() -> consumer().receiptsOf("after-rollback").size() == 1);
        assertTrue(consumer().receiptsOf("rolled-back").isEmpty());
    }

    @Test
    void aConsumerStoppedForAWhileReceivesEverythingAfterwards() throws InterruptedException {
        consumer().stop();
        try {
            ProbeEvents.publish("outage", 0, 30);
            Thread.sleep(1500);
            assertTrue(consumer().receiptsOf("outage").isEmpty());
            // the outbox holds the events: an absent consumer is no reason to be unready
            given().get("/q/health/ready").then().statusCode(200);
            given().auth().preemptive().basic("admin", "dev-only-admin-password").get("/api/v1/outbox")
                    .then().statusCode(200).body("pending", org.hamcrest.Matchers.greaterThanOrEqualTo(30));
        } finally {
            consumer().start();
        }
        await().atMost(PATIENCE).until(() -> consumer().appliedOf("outage") == 30);
        List<Integer> positions = ProbeEvents.positions(consumer().receiptsOf("outage"));
        assertEquals(IntStream.range(0, 30).boxed().toList(), positions.stream().distinct().toList());
    }

    @Test
    void serverErrorsAreRetriedWithGrowingDelay() {
        consumer().failNext("flaky", 4);
        ProbeEvents.publish("flaky", 0, 1);

        await().atMost(PATIENCE).until(() -> consumer().receiptsOf("flaky").size() == 5);
        List<RecorderControl.Receipt> attempts = consumer().receiptsOf("flaky");
        List<Long> gapsMillis = new ArrayList<>();
        for (int i = 1; i < attempts.size(); i++) {
            gapsMillis.add((attempts.get(i).atNanos() - attempts.get(i - 1).atNanos()) / 1_000_000);
        }
        // initial backoff 100 ms doubling, equal jitter: waits of 50-100, 100-200, 200-400, 400-800 ms
        assertTrue(gapsMillis.get(0) >= 45, "first retry too early: " + gapsMillis);
        assertTrue(gapsMillis.get(3) > gapsMillis.get(0) * 2, "delay did not grow: " + gapsMillis);
        for (int i = 1; i < gapsMillis.size(); i++) {
            assertTrue(gapsMillis.get(i) >= gapsMillis.get(i - 1) * 0.8, "delay shrank: " + gapsMillis);
        }
        assertTrue(consumer().applied().contains(attempts.get(0).eventId()));
    }

    @Test
    void aPoisonEventIsADeadLetterUntilReplayed() {
        UUID poison = ProbeEvents.publish("poison", 0, 1, true).get(0);
        var admin = given().auth().preemptive().basic("admin", "dev-only-admin-password");

        await().atMost(PATIENCE).untilAsserted(() -> given().auth().preemptive()
                .basic("admin", "dev-only-admin-password").get("/api/v1/outbox/dead-letters")
                .then().statusCode(200).body("eventId", hasItem(poison.toString())));
        assertEquals(1, consumer().receiptsOf("poison").size(), "a rejected event must not be retried");
        admin.get("/api/v1/outbox").then().body("deadLetters", org.hamcrest.Matchers.greaterThanOrEqualTo(1));

        consumer().acceptPoison(true);
        given().auth().preemptive().basic("admin", "dev-only-admin-password")
                .queryParam("eventId", poison.toString())
                .post("/api/v1/outbox/dead-letters/replay").then().statusCode(200).body("replayed", equalTo(1));

        await().atMost(PATIENCE).until(() -> consumer().applied().contains(poison));
        given().auth().preemptive().basic("admin", "dev-only-admin-password").get("/api/v1/outbox/dead-letters")
                .then().body("eventId", not(hasItem(poison.toString())));
    }

    @Test
    void outboxAdminNeedsAdminCredentials() {
        given().get("/api/v1/outbox").then().statusCode(401);
        given().auth().preemptive().basic("admin", "wrong").get("/api/v1/outbox").then().statusCode(401);
        given().header("X-API-Key", RecordingConsumerResource.TOKEN).get("/api/v1/outbox").then().statusCode(401);
        given().auth().preemptive().basic("admin", "dev-only-admin-password")
                .queryParam("eventId", "not-a-uuid").post("/api/v1/outbox/dead-letters/replay")
                .then().statusCode(400).body("errors[0].field", equalTo("eventId"));
        given().auth().preemptive().basic("admin", "dev-only-admin-password")
                .queryParam("limit", 1000).get("/api/v1/outbox/dead-letters")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
    }

    @Test
    void metricsShowBacklogAndOutcomes() {
        ProbeEvents.publish("metered", 0, 2);
        await().atMost(PATIENCE).until(() -> consumer().receiptsOf("metered").size() == 2);
        await().atMost(PATIENCE).untilAsserted(() -> given().get("/q/metrics").then().statusCode(200)
                .body(containsString("outbox_deliveries_total{outcome=\"delivered\",subscriber=\"recorder\"}"))
                .body(containsString("outbox_pending_deliveries "))
                .body(containsString("outbox_oldest_pending_age_seconds "))
                .body(containsString("outbox_dead_letters ")));
    }

    @Test
    void aBacklogTravelsInOneRequestAndAPoisonEventDiesAloneInIt() {
        consumer().stop();
        List<UUID> good = new ArrayList<>();
        UUID poison;
        try {
            for (int i = 0; i < 40; i++) {
                good.addAll(ProbeEvents.publish("batch-" + i, 0, 1));
            }
            poison = ProbeEvents.publish("batch-poison", 0, 1, true).get(0);
            // every delivery has failed once and waits in backoff: make them all due at the same moment
            await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e"
                    + " ON e.id = d.event_id WHERE e.aggregate_id LIKE 'batch-%' AND d.attempts >= 1") == 41);
            pool.query("UPDATE outbox_delivery SET next_attempt_at = now() + interval '1 hour' WHERE status = 'PENDING'")
                    .execute().await().indefinitely();
        } finally {
            consumer().start();
        }
        int before = consumer().batches();
        pool.query("UPDATE outbox_delivery SET next_attempt_at = now() WHERE status = 'PENDING'").execute()
                .await().indefinitely();
        await().atMost(PATIENCE).until(() -> good.stream().allMatch(consumer().applied()::contains));
        assertEquals(1, consumer().batches() - before, "41 due events travel in one request");
        await().atMost(PATIENCE).until(() -> count("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e"
                + " ON e.id = d.event_id WHERE e.aggregate_id LIKE 'batch-%' AND e.aggregate_id <> 'batch-poison'") == 0);
        UUID dead = poison;
        await().atMost(PATIENCE).untilAsserted(() -> given().auth().preemptive()
                .basic("admin", "dev-only-admin-password").get("/api/v1/outbox/dead-letters")
                .then().statusCode(200).body("eventId", hasItem(dead.toString())));
        assertEquals(1, consumer().receiptsOf("batch-poison").size(), "a rejected event is not retried");
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    private long count(String sql) {
        return pool.query(sql).execute().await().indefinitely().iterator().next().getLong(0);
    }
}
