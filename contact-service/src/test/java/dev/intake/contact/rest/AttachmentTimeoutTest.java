package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.fromNewClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** A document-service that does not answer: the submission is answered anyway, naming the file not confirmed. */
@QuarkusTest
@TestProfile(AttachmentTimeoutTest.ShortWait.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class AttachmentTimeoutTest {

    public static class ShortWait implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.contact.attachment-timeout", "2S");
        }
    }

    @Test
    void aFileDocumentServiceDoesNotConfirmIsReportedNotDropped() {
        byte[] ok = "stored".getBytes(StandardCharsets.UTF_8);
        fromNewClient().contentType("multipart/form-data").header("X-API-Key", Submissions.FORM_KEY)
                .multiPart("name", "Ada Waits").multiPart("email", "ada@example.org").multiPart("message", "Two files.")
                .multiPart("files", "hang.txt", "never answered".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("files", "ok.txt", ok, "text/plain")
                .post("/api/v1/contacts").then().statusCode(201)
                .body("documents", hasSize(2))
                .body("documents[0].filename", equalTo("hang.txt"))
                .body("documents[0].documentId", nullValue())
                .body("documents[0].status", equalTo(503))
                .body("documents[0].error", containsString("Idempotency-Key"))
                .body("documents[1].documentId", equalTo(DocumentServiceStandIn.idOf(ok).toString()));
    }
}
