package dev.intake.contact.rest;

import static dev.intake.contact.rest.Altcha.submission;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * The web form's key is shared by every browser: one address flooding it, or requests without a proof of
 * work, must not use up the key's window for the others.
 */
@QuarkusTest
@TestProfile(WebFormKeyLimitTest.SmallWindows.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class WebFormKeyLimitTest {

    /** Three submissions per address, six for the key, in a window longer than the test. */
    public static class SmallWindows implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.contact.rate-limit.per-ip", "3", "intake.contact.rate-limit.per-key", "6",
                    "intake.contact.rate-limit.window", "1H", "intake.contact.altcha.per-ip", "100");
        }
    }

    private static RequestSpecification from(String address) {
        return RestAssured.given().header("X-Forwarded-For", address).header("X-API-Key", Altcha.WEB_FORM_KEY)
                .contentType("application/json");
    }

    @Test
    void oneAddressExhaustingItsLimitDoesNotBlockAnotherOnTheWebFormKey() {
        for (int i = 0; i < 3; i++) {
            from("203.0.113.10").body(submission("Flooder " + i, Altcha.solved())).post("/api/v1/contacts")
                    .then().statusCode(201);
        }
        for (int i = 3; i < 15; i++) {
            from("203.0.113.10").body(submission("Flooder " + i, Altcha.solved())).post("/api/v1/contacts")
                    .then().statusCode(429);
        }
        // many addresses without a proof of work: refused before the key is counted
        for (int i = 0; i < 10; i++) {
            from("203.0.113." + (100 + i)).body(Submissions.valid("Workless " + i)).post("/api/v1/contacts")
                    .then().statusCode(400).body("errors[0].field", equalTo("altcha"));
        }
        for (int i = 0; i < 3; i++) {
            from("203.0.113.20").body(submission("Neighbour " + i, Altcha.solved())).post("/api/v1/contacts")
                    .then().statusCode(201);
        }
        // the key's own limit still holds: its six are used now
        from("203.0.113.30").body(submission("Latecomer", Altcha.solved())).post("/api/v1/contacts")
                .then().statusCode(429);
    }
}
