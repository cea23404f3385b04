package dev.intake.search;

import static dev.intake.search.Events.admin;
import static dev.intake.search.Events.apply;
import static dev.intake.search.Events.document;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class LegacySearchTest {

    @Test
    void theOldSearchKeepsItsShape() {
        UUID contact = UUID.randomUUID();
        UUID doc = UUID.randomUUID();
        ObjectNode d = document(doc, contact, "budget.xlsx", "legacyword appears in this spreadsheet");
        d.put("documentType", "invoice").put("fileExtension", "xlsx");
        apply("document.processed", d);
        apply("document.processed", document(UUID.randomUUID(), contact, "other.pdf", "legacyword too"));

        String body = "{\"query\":\"legacyword\",\"filters\":{\"contact_id\":\"" + contact
                + "\",\"document_type\":\"invoice\",\"processing_status\":\"completed\",\"file_extension\":\"xlsx\"},\"limit\":5}";
        admin().contentType("application/json").body(body).post("/documents/search").then().statusCode(200)
                .body("total_count", equalTo(1))
                .body("query", equalTo("legacyword"))
                .body("processing_time", org.hamcrest.Matchers.greaterThanOrEqualTo(0f))
                .body("results[0].document_id", equalTo(doc.toString()))
                .body("results[0].filename", equalTo("budget.xlsx"))
                .body("results[0].contact_id", equalTo(contact.toString()))
                .body("results[0].document_type", equalTo("invoice"))
                .body("results[0].text_content", equalTo("legacyword appears in this spreadsheet"))
                .body("results[0].upload_timestamp", equalTo("2026-11-20T10:00:00Z"))
                .body("results[0].processing_status", equalTo("completed"))
                .body("results[0].score", greaterThan(0f));
        admin().contentType("application/json")
                .body("{\"query\":\"legacyword\",\"filters\":{\"contact_id\":\"" + contact + "\"}}")
                .post("/documents/search").then().statusCode(200).body("total_count", equalTo(2));
    }

    @Test
    void itNeedsAdminCredentialsOrASearchKey() {
        String body = "{\"query\":\"x\"}";
        given().contentType("application/json").body(body).post("/documents/search").then().statusCode(401)
                .body("$", hasKey("error")).body("timestamp", matchesPattern(".*Z"));
        given().header("X-API-Key", "some-key").contentType("application/json").body(body).post("/documents/search")
                .then().statusCode(401).body("$", hasKey("error"));
        given().header("X-API-Key", TestApiKeys.SUBMIT_KEY).contentType("application/json").body(body)
                .post("/documents/search").then().statusCode(403).body("$", hasKey("error"));
        given().header("X-API-Key", TestApiKeys.SEARCH_KEY).contentType("application/json").body(body)
                .post("/documents/search").then().statusCode(200).body("query", equalTo("x"));
        given().auth().preemptive().basic("admin", "wrong").contentType("application/json").body(body)
                .post("/documents/search").then().statusCode(401);
    }

    @Test
    void unknownFilterKeysAndInjectionAreA400InTheOldEnvelope() {
        String[] bodies = {
                "{\"query\":\"x\",\"filters\":{\"title\":\"a\"}}",
                "{\"query\":\"x\",\"filters\":{\"document_type\":\"x\\\" OR contactId EXISTS\"}}",
                "{\"query\":\"x\",\"filters\":{\"contact_id\":\"not-a-uuid\"}}",
                "{\"query\":\"x\",\"filters\":{\"processing_status\":\"done\"}}",
                "{\"query\":\"x\",\"filters\":{\"file_extension\":[\"pdf\"]}}",
                "{\"query\":\"\"}",
                "{\"query\":\"x\",\"limit\":0}",
                "{\"query\":\"x\",\"limit\":101}" };
        for (String body : bodies) {
            admin().contentType("application/json").body(body).post("/documents/search").then().statusCode(400)
                    .contentType("application/json").body("$", hasKey("error")).body("$", hasKey("timestamp"))
                    .body("$", not(hasKey("status")));
        }
    }
}
