package dev.intake.search;

import static dev.intake.search.Events.admin;
import static dev.intake.search.Events.document;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.Readiness;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class MeilisearchOutageTest {

    @InjectServer(MeilisearchTestResource.class)
    ThrowawayServer meili;

    @Test
    void withTheEngineDownEventsWaitAndSearchesFailLoudly() {
        UUID eventId = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        ObjectNode payload = document(UUID.randomUUID(), contact, "outage.pdf", "outageword");
        Readiness.awaitStatus(200, Duration.ofSeconds(10));
        meili.stop();
        try {
            String body = Readiness.awaitStatus(503, Duration.ofSeconds(15));
            org.junit.jupiter.api.Assertions.assertTrue(body.contains("\"Meilisearch\""), body);
            // 5xx: the producer keeps the event in its outbox and retries
            Events.post(eventId, "document.processed", payload).then().statusCode(503);
            admin().get("/api/v1/search?q=outageword").then().statusCode(503)
                    .contentType("application/problem+json").body(not(containsString("Connect")));
            admin().contentType("application/json").body("{\"query\":\"outageword\"}").post("/documents/search")
                    .then().statusCode(503).body("$", hasKey("error")).body("$", hasKey("timestamp"));
        } finally {
            meili.start();
        }
        Readiness.awaitStatus(200, Duration.ofSeconds(30));
        Events.post(eventId, "document.processed", payload).then().statusCode(200).body("status", equalTo("applied"));
        admin().get("/api/v1/search?q=outageword&contactId=" + contact).then().statusCode(200)
                .body("totalHits", equalTo(1));
        given().get("/q/metrics").then().body(containsString("outcome=\"engine_error\""));
        admin().get("/api/v1/search/stats").then().statusCode(200).body("documents", greaterThanOrEqualTo(1));
    }
}
