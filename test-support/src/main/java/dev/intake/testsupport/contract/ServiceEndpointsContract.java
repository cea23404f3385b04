package dev.intake.testsupport.contract;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.ThrowawayServer;

/**
 * What every service answers the same way, run against each service by a {@code @QuarkusTest} subclass:
 * health groups (readiness following its main dependency down and up), Prometheus metrics, the OpenAPI document, correlation ids and problem+json on unknown
 * API paths.
 */
public abstract class ServiceEndpointsContract {

    /** An `/api/v1` path of the service under test that no endpoint answers. */
    protected abstract String unknownApiPath();

    /** The names of the readiness checks the service must run, one per dependency. */
    protected abstract String[] readinessChecks();

    /** The dependency this service cannot serve without; the outage test stops and restarts it. */
    protected abstract ThrowawayServer dependency();

    /** The readiness check that must report the dependency's outage. */
    protected abstract String dependencyCheck();

    @Test
    void livenessAndStartupAreUp() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void readinessRunsEveryDependencyCheck() {
        var ready = given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        for (String check : readinessChecks()) {
            ready.body("checks.name", hasItem(check));
        }
    }

    @Test
    void readinessGoesDownWithTheDependencyAndComesBack() {
        Readiness.awaitStatus(200, Duration.ofSeconds(10));
        dependency().stop();
        String body;
        try {
            body = Readiness.awaitStatus(503, Duration.ofSeconds(15));
        } finally {
            dependency().start();
        }
        assertTrue(body.contains("\"" + dependencyCheck() + "\""), body);
        given().get("/q/health/live").then().statusCode(200);
        Readiness.awaitStatus(200, Duration.ofSeconds(30));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get(unknownApiPath()).then().statusCode(404);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"))
                .body(containsString("http_server_requests_seconds_count"))
                // latency buckets, so that percentiles can be aggregated across replicas
                .body(org.hamcrest.Matchers.matchesPattern(
                        "(?s).*http_server_requests_seconds_bucket\\{[^}]*le=\"0\\.005\"[^}]*\\}.*"));
    }

    @Test
    void openApiDocumentIsServed() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void unknownApiPathIsAProblemWithTheCorrelationId() {
        given().header("X-Correlation-ID", "contract-check-1")
                .get(unknownApiPath())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("X-Correlation-ID", "contract-check-1")
                .body("correlationId", equalTo("contract-check-1"));
    }

    @Test
    void outboxAdminApiNeedsAdminCredentials() {
        given().get("/api/v1/outbox").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Basic"));
        given().auth().preemptive().basic("admin", "wrong-password").get("/api/v1/outbox").then().statusCode(401);
        given().auth().preemptive().basic("admin", "dev-only-admin-password").get("/api/v1/outbox")
                .then().statusCode(200).body("pending", equalTo(0)).body("deadLetters", equalTo(0));
    }

    @Test
    void internalEventsNeedTheServiceToken() {
        given().contentType("application/json").body("{}").post("/internal/events")
                .then().statusCode(401).contentType("application/problem+json");
        // a token no caller of this service has (every pair has its own)
        given().contentType("application/json").header("X-Service-Token", "dev-only-guessed-token").body("{}")
                .post("/internal/events").then().statusCode(403).contentType("application/problem+json");
    }
}
