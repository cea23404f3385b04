package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.admin;
import static dev.intake.contact.rest.Submissions.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactAdministrationTest {

    @Inject
    Pool pool;

    @Test
    void adminEndpointsRefuseAnonymousCallersAndApiKeys() {
        String id = create("Private Person");
        given().get("/api/v1/contacts").then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/contacts/" + id).then().statusCode(401);
        given().header("X-API-Key", Submissions.FORM_KEY).get("/api/v1/contacts").then().statusCode(401);
        given().header("X-API-Key", Submissions.SEARCH_KEY).delete("/api/v1/contacts/" + id).then().statusCode(401);
        given().contentType("application/json").body("{\"status\":\"closed\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(401);
    }

    @Test
    void theListIsPagedNewestFirstAndFiltered() {
        String marker = "Pager" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            create(marker + " " + i);
        }
        List<String> names = admin().queryParam("q", marker).queryParam("size", 2).get("/api/v1/contacts")
                .then().statusCode(200).body("total", equalTo(3)).body("items", hasSize(2))
                .extract().jsonPath().getList("items.name");
        assertEquals(List.of(marker + " 2", marker + " 1"), names);
        admin().queryParam("q", marker).queryParam("size", 2).queryParam("page", 1).get("/api/v1/contacts")
                .then().body("items.name", equalTo(List.of(marker + " 0")));
        admin().queryParam("q", marker.toLowerCase()).queryParam("status", "new").queryParam("source", "website")
                .queryParam("createdFrom", "2020-01-01").get("/api/v1/contacts")
                .then().body("total", equalTo(3)).body("items.status", everyItem(equalTo("new")));
        admin().queryParam("q", marker).queryParam("createdTo", "2020-01-01T00:00:00Z").get("/api/v1/contacts")
                .then().body("total", equalTo(0));
    }

    @Test
    void likeWildcardsInTheSearchTextAreLiteral() {
        admin().queryParam("q", "%").get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(0));
        admin().queryParam("q", "_").get("/api/v1/contacts").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void badListParametersAreNamed() {
        admin().queryParam("size", 101).get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        admin().queryParam("page", -1).get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("page"));
        admin().queryParam("status", "archived").get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        admin().queryParam("createdFrom", "yesterday").get("/api/v1/contacts").then().statusCode(400)
                .body("errors[0].field", equalTo("createdFrom"));
    }

    @Test
    void detailStatusChangeAndErasure() {
        String id = create("Grace Hopper");
        admin().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("name", equalTo("Grace Hopper")).body("message", notNullValue())
                .body("documents", hasSize(0)).body("documentInsights.documentCount", equalTo(0));

        admin().body("{\"status\":\"contacted\"}").patch("/api/v1/contacts/" + id).then().statusCode(200)
                .body("status", equalTo("contacted")).body("statusChangedBy", equalTo("admin"))
                .body("statusChangedAt", notNullValue());
        admin().body("{\"status\":\"archived\"}").patch("/api/v1/contacts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("status"));

        admin().delete("/api/v1/contacts/" + id).then().statusCode(204);
        admin().get("/api/v1/contacts/" + id).then().statusCode(404).contentType("application/problem+json");
        admin().delete("/api/v1/contacts/" + id).then().statusCode(404);
        long events = pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'contact.deleted'")
                .executeAndAwait(Tuple.of(id)).iterator().next().getLong(0);
        assertEquals(1, events);
        long deliveries = pool.preparedQuery("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = $1 AND e.type = 'contact.deleted'").executeAndAwait(Tuple.of(id))
                .iterator().next().getLong(0);
        assertEquals(3, deliveries, "document, search and notification must each be told");
    }

    @Test
    void unknownOrMalformedIdsAre404s() {
        admin().get("/api/v1/contacts/" + UUID.randomUUID()).then().statusCode(404);
        admin().get("/api/v1/contacts/not-a-uuid").then().statusCode(404);
    }

    @Test
    void documentEventsKeepTheContactsDocumentsAndInsights() {
        String id = create("Doc Owner");
        String doc1 = UUID.randomUUID().toString();
        String doc2 = UUID.randomUUID().toString();
        postEvent("document.processed", """
                {"documentId":"%s","contactId":"%s","filename":"offer.pdf","documentType":"proposal","status":"COMPLETED",
                 "sizeBytes":1200,"language":"en","keywords":["contract","price"],"uploadedAt":"2026-12-01T10:00:00Z",
                 "text":"the full text stays in document-service"}""".formatted(doc1, id));
        postEvent("document.processed", """
                {"documentId":"%s","contactId":"%s","filename":"scan.png","documentType":"image","status":"FAILED",
                 "sizeBytes":800,"failureReason":"OCR not installed","keywords":["contract"],"uploadedAt":"2026-12-01T11:00:00Z"}"""
                .formatted(doc2, id));

        admin().get("/api/v1/contacts/" + id).then().statusCode(200)
                .body("documents", hasSize(2))
                .body("documents[0].filename", equalTo("scan.png"))
                .body("documents[1].text", org.hamcrest.Matchers.nullValue())
                .body("documentInsights.documentCount", equalTo(2))
                .body("documentInsights.totalBytes", equalTo(2000))
                .body("documentInsights.byStatus.COMPLETED", equalTo(1))
                .body("documentInsights.byStatus.FAILED", equalTo(1))
                .body("documentInsights.topKeywords[0]", equalTo("contract"));

        postEvent("document.deleted", "{\"documentId\":\"%s\",\"contactId\":\"%s\"}".formatted(doc2, id));
        admin().get("/api/v1/contacts/" + id).then().body("documents", hasSize(1))
                .body("documentInsights.documentCount", greaterThanOrEqualTo(1));
    }

    private static void postEvent(String type, String payload) {
        given().contentType("application/json").header("X-Service-Token", "dev-only-document-to-contact-token")
                .body("""
                        {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T12:00:00Z","payload":%s}"""
                        .formatted(UUID.randomUUID(), type, payload))
                .post("/internal/events").then().statusCode(200);
    }
}
