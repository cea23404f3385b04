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

    private static final String PROBER = "dev-only-prober-to-probe-token";
    private static final String AUDITOR = "dev-only-auditor-to-probe-token";

    private static RequestSpecification internal() {
        return as(PROBER);
    }

    private static RequestSpecification as(String token) {
        return given().contentType("application/json").header("X-Service-Token", token);
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
    void internalCallsNeedTheTokenOfTheirOwnPair() {
        UUID id = UUID.randomUUID();
        String body = envelope(id, "probe.happened", "{\"aggregate\":\"t\",\"position\":1}");
        given().contentType("application/json").body(body).post("/internal/events").then().statusCode(401)
                .contentType("application/problem+json");
        as("guess").body(body).post("/internal/events").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("This service token is not accepted here."));
        // the token of another pair (this application → the recorder) opens nothing here
        as(RecordingConsumerResource.TOKEN).body(body).post("/internal/events").then().statusCode(403);
        as(RecordingConsumerResource.TOKEN).body("{\"events\":[" + body + "]}").post("/internal/events/batch")
                .then().statusCode(403);
        assertEquals(0, effects(id));

        as(PROBER).body(body).post("/internal/events").then().statusCode(200).body("status", equalTo("applied"));
        assertEquals(1, effects(id));
    }

    @Test
    void aCallerMayCallOnlyItsOwnInternalPaths() {
        as(PROBER).get("/internal/probe").then().statusCode(200).body(equalTo("internal"));
        as(AUDITOR).get("/internal/probe").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("caller auditor may not call this path"));
        // dot segments do not lead out of the allowed path
        int status = given().urlEncodingEnabled(false).header("X-Service-Token", AUDITOR)
                .get("/internal/events/../probe").statusCode();
        assertEquals(true, status == 403 || status == 404, "status " + status);
    }

    @Test
    void aCallerMaySendOnlyItsOwnEventTypes() {
        UUID forged = UUID.randomUUID();
        UUID noted = UUID.randomUUID();
        as(AUDITOR).body(envelope(forged, "probe.happened", "{\"aggregate\":\"f\",\"position\":1}"))
                .post("/internal/events").then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("caller auditor may not send events of type probe.happened to this service"));
        as(AUDITOR).body(envelope(noted, "probe.noted", "{\"aggregate\":\"f\",\"position\":1}"))
                .post("/internal/events").then().statusCode(200).body("status", equalTo("applied"));
        assertEquals(0, effects(forged));
        assertEquals(1, effects(noted));
    }

    @Test
    void aForgedEventTypeIsRejectedAloneWhileItsNeighboursInTheBatchAreApplied() {
        UUID before = UUID.randomUUID();
        UUID forged = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        String batch = "{\"events\":[" + String.join(",",
                envelope(before, "probe.noted", "{\"aggregate\":\"g\",\"position\":1}"),
                envelope(forged, "probe.happened", "{\"aggregate\":\"g\",\"position\":2}"),
                envelope(after, "probe.noted", "{\"aggregate\":\"g\",\"position\":3}")) + "]}";

        as(AUDITOR).body(batch).post("/internal/events/batch").then().statusCode(200)
                .body("results.status", contains("applied", "rejected", "applied"))
                .body("results.eventId", contains(before.toString(), forged.toString(), after.toString()))
                .body("results[1].detail", equalTo("caller auditor may not send events of type probe.happened to this service"));

        assertEquals(1, effects(before));
        assertEquals(0, effects(forged), "a type its caller may not send is never applied");
        assertEquals(1, effects(after));
        // the same event from the caller that may send it lands
        as(PROBER).body("{\"events\":[" + envelope(forged, "probe.happened", "{\"aggregate\":\"g\",\"position\":2}") + "]}")
                .post("/internal/events/batch").then().statusCode(200).body("results[0].status", equalTo("applied"));
        assertEquals(1, effects(forged));
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
