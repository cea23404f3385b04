package dev.intake.notification;

import static dev.intake.notification.Api.admin;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 4xx naming the parameter; the suppression list cannot be changed from another site. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class NotificationHardeningTest {

    @Test
    void anInstantBeyondTheYear9999Is400NamingTheParameter() {
        admin().urlEncodingEnabled(false).get("/api/v1/notifications?from=%2B300000000-01-01T00:00:00Z")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aCrossSiteSuppressionChangeIsRefused() {
        admin().header("Sec-Fetch-Site", "cross-site").contentType("application/json").body("{\"reason\":\"x\"}")
                .put("/api/v1/notifications/suppressions/forged@example.org").then().statusCode(403);
        admin().header("Origin", "https://evil.example")
                .delete("/api/v1/notifications/suppressions/forged@example.org").then().statusCode(403);
        admin().get("/api/v1/notifications/suppressions").then().statusCode(200)
                .body("email", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("forged@example.org")));
    }
}
