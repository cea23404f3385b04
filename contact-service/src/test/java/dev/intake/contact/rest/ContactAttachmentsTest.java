package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.fromNewClient;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactAttachmentsTest {

    private static io.restassured.specification.RequestSpecification multipart() {
        return fromNewClient().contentType("multipart/form-data").header("X-API-Key", Submissions.FORM_KEY)
                .multiPart("name", "Ada Attaches").multiPart("email", "ada@example.org")
                .multiPart("message", "Two files attached.");
    }

    @Test
    void attachmentsAreForwardedAndEachOneIsReported() {
        byte[] first = "first file".getBytes(StandardCharsets.UTF_8);
        byte[] second = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(second, (byte) 'x');
        multipart().multiPart("files", "a.txt", first, "text/plain")
                .multiPart("files", "b.txt", second, "text/plain")
                .multiPart("files", "c.exe", new byte[] { 'M', 'Z' }, "application/octet-stream")
                .post("/api/v1/contacts").then().statusCode(201)
                .body("id", notNullValue()).body("uploadToken", notNullValue())
                .body("documents", hasSize(3))
                .body("documents[0].filename", equalTo("a.txt"))
                .body("documents[0].documentId", equalTo(DocumentServiceStandIn.idOf(first).toString()))
                .body("documents[1].documentId", equalTo(DocumentServiceStandIn.idOf(second).toString()))
                .body("documents[2].documentId", nullValue())
                .body("documents[2].status", equalTo(415))
                .body("documents[2].error", equalTo("Files of this kind are not accepted."));
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyForwardsTheFilesAgainAndReportsEach() {
        byte[] file = "retried attachment".getBytes(StandardCharsets.UTF_8);
        String key = "retry-" + java.util.UUID.randomUUID();
        String id = multipart().header("Idempotency-Key", key).multiPart("files", "r.txt", file, "text/plain")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        // the client gave up on the first answer and retries: the same contact, and its file is not left out
        multipart().header("Idempotency-Key", key).multiPart("files", "r.txt", file, "text/plain")
                .post("/api/v1/contacts").then().statusCode(201)
                .body("id", equalTo(id))
                .body("documents", hasSize(1))
                .body("documents[0].filename", equalTo("r.txt"))
                .body("documents[0].documentId", equalTo(DocumentServiceStandIn.idOf(file).toString()));
    }

    @Test
    void aSubmissionWithoutFilesWorksAsMultipartToo() {
        multipart().post("/api/v1/contacts").then().statusCode(201).body("documents", hasSize(0));
    }

    @Test
    void invalidFieldsInMultipartAreNamedAndNothingIsForwarded() {
        fromNewClient().contentType("multipart/form-data").header("X-API-Key", Submissions.FORM_KEY)
                .multiPart("name", "x").multiPart("email", "nope").multiPart("message", "y")
                .multiPart("files", "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post("/api/v1/contacts").then().statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void tooManyFilesAreRefused() {
        var request = multipart();
        for (int i = 0; i < 11; i++) {
            request.multiPart("files", "f" + i + ".txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        request.post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("files"));
    }
}
