package dev.intake.platform.event;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
