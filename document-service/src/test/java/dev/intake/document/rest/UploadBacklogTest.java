package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Beyond the processing backlog's cap, new uploads get 503 with Retry-After, and nothing is stored. */
@QuarkusTest
@TestProfile(UploadBacklogTest.SmallBacklog.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class UploadBacklogTest {

    public static class SmallBacklog implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // no worker: what is uploaded stays PENDING
            return Map.of("intake.document.processing.enabled", "false",
                    "intake.document.quota.max-backlog", "2",
                    "intake.document.quota.backlog-retry-after", "45S");
        }
    }

    @Test
    void uploadsBeyondTheBacklogCapAre503WithRetryAfter() {
        String contact = ContactServiceStandIn.contact(100);
        String token = ContactServiceStandIn.tokenFor(contact);
        for (int i = 0; i < 2; i++) {
            given().header("X-Upload-Token", token).multiPart("file", "q" + i + ".txt", SampleFiles.text(), "text/plain")
                    .multiPart("contactId", contact).multiPart("documentType", "report")
                    .post("/api/v1/documents").then().statusCode(201);
        }
        given().header("X-Upload-Token", token).multiPart("file", "q2.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", contact).multiPart("documentType", "report")
                .post("/api/v1/documents").then().statusCode(503).header("Retry-After", "45")
                .contentType("application/problem+json").body("detail", containsString("max-backlog"));
        given().header("X-API-Key", "test-form-key").multiPart("file", "old.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", contact).multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(503).header("Retry-After", "45")
                .body("error", containsString("max-backlog"));
        int rows = admin().queryParam("contactId", contact).get("/api/v1/documents").then().statusCode(200)
                .extract().path("total");
        assertEquals(2, rows);
    }
}
