package dev.intake.platform.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class InboxTest {

    private static RequestSpecification internal() {
        return given().contentType("application/json").header("X-Service-Token", "dev-only-service-token");
    }

    private static String envelope(UUID id, String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T10:00:00Z",
                 "correlationId":"inbox-test","payload":%s}""".formatted(id, type, payload);
    }

    private static long effects(UUID id) {
        return given().auth().preemptive().basic("admin", "dev-only-admin-password")
                .get("/api/v1/probe-events/effects/" + id).then().statusCode(200).extract().asString().transform(Long::parseLong);
    }

    @Test
    void aDuplicateDeliveryIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        String body = envelope(id, "probe.happened", "{\"aggregate\":\"dup\",\"position\":1}");

        internal().body(body).post("/internal/events").then().statusCode(200).body("status", equalTo("applied"));
        internal().body(body).post("/internal/events").then().statusCode(200).body("status", equalTo("duplicate"));

        assertEquals(1, effects(id));
    }

    @Test
    void aFailingHandlerLeavesNoTraceAndTheEventCanComeAgain() {
        UUID id = UUID.randomUUID();
        internal().body(envelope(id, "probe.happened", "{\"aggregate\":\"x\",\"position\":1,\"failInHandler\":true}"))
                .post("/internal/events").then().statusCode(500);
        assertEquals(0, effects(id));

        internal().body(envelope(id, "probe.happened", "{\"aggregate\":\"x\",\"position\":1}"))
                .post("/internal/events").then().statusCode(200).body("status", equalTo("applied"));
        assertEquals(1, effects(id));
    }

    @Test
    void anUnknownTypeIsRejectedSoTheProducerStopsRetrying() {
        internal().body(envelope(UUID.randomUUID(), "nobody.listens", "{}"))
                .post("/internal/events").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void anInvalidEnvelopeNamesEachBadField() {
        internal().body("{\"eventId\":null,\"type\":\"Bad Type!\",\"version\":0,\"payload\":{}}")
                .post("/internal/events").then().statusCode(400)
                .body("errors.field", hasItems("eventId", "type", "version", "occurredAt"));
    }

    @Test
    void internalCallsNeedTheServiceToken() {
        String body = envelope(UUID.randomUUID(), "probe.happened", "{\"aggregate\":\"t\",\"position\":1}");
        given().contentType("application/json").body(body).post("/internal/events").then().statusCode(401);
        given().contentType("application/json").header("X-Service-Token", "guess").body(body)
                .post("/internal/events").then().statusCode(401);
    }

    @Test
    void aBatchAnswersPerEventSoOnePoisonEventDoesNotHoldBackItsNeighbours() {
        UUID first = UUID.randomUUID();
        UUID failing = UUID.randomUUID();
        UUID unknown = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        internal().body(envelope(first, "probe.happened", "{\"aggregate\":\"b\",\"position\":1}"))
                .post("/internal/events").then().statusCode(200);
        String batch = "{\"events\":[" + String.join(",",
                envelope(first, "probe.happened", "{\"aggregate\":\"b\",\"position\":1}"),
                envelope(failing, "probe.happened", "{\"aggregate\":\"b\",\"position\":2,\"failInHandler\":true}"),
                envelope(unknown, "nobody.listens", "{}"),
                "{\"eventId\":\"" + UUID.randomUUID() + "\",\"type\":\"Bad Type!\",\"version\":0,\"payload\":{}}",
                envelope(last, "probe.happened", "{\"aggregate\":\"b\",\"position\":3}")) + "]}";

        internal().body(batch).post("/internal/events/batch").then().statusCode(200)
                .body("results.status", contains("duplicate", "failed", "rejected", "rejected", "applied"))
                .body("results[0].eventId", equalTo(first.toString()))
                .body("results[2].detail", containsString("does not consume"))
                .body("results[3].detail", allOf(containsString("type"), containsString("version"), containsString("occurredAt")));

        assertEquals(1, effects(first), "applied once although delivered twice");
        assertEquals(0, effects(failing), "a failed event leaves no trace");
        assertEquals(1, effects(last), "the event after a failing one is applied");
        // the failed one can come again and then lands
        internal().body("{\"events\":[" + envelope(failing, "probe.happened", "{\"aggregate\":\"b\",\"position\":2}") + "]}")
                .post("/internal/events/batch").then().statusCode(200).body("results[0].status", equalTo("applied"));
        assertEquals(1, effects(failing));
    }

    @Test
    void aBatchIsAppliedInOneTransactionWhenNothingFails() {
        List<UUID> ids = java.util.stream.IntStream.range(0, 50).mapToObj(i -> UUID.randomUUID()).toList();
        String batch = ids.stream().map(id -> envelope(id, "probe.happened", "{\"aggregate\":\"t\",\"position\":1}"))
                .collect(java.util.stream.Collectors.joining(",", "{\"events\":[", "]}"));
        internal().body(batch).post("/internal/events/batch").then().statusCode(200)
                .body("results.status", everyItem(equalTo("applied"))).body("results", hasSize(50));
        ids.forEach(id -> assertEquals(1, effects(id)));
    }

    @Test
    void badBatchesAreRefusedWhole() {
        internal().body("{\"events\":null}").post("/internal/events/batch").then().statusCode(400)
                .body("errors.field", hasItems("events"));
        String tooMany = java.util.stream.IntStream.range(0, 501).mapToObj(i -> "{}")
                .collect(java.util.stream.Collectors.joining(",", "{\"events\":[", "]}"));
        internal().body(tooMany).post("/internal/events/batch").then().statusCode(400)
                .body("errors[0].field", equalTo("events"));
        given().contentType("application/json").body("{\"events\":[]}").post("/internal/events/batch")
                .then().statusCode(401);
    }
}
