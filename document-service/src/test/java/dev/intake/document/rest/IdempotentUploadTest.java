package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.assertStored;
import static dev.intake.document.rest.Uploads.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * An upload retried with the same Idempotency-Key (contact-service's attachments after the client gave up on
 * the first call) answers the document the first call stored: stored once, never twice, never dropped.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class IdempotentUploadTest {

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    @Test
    void theRetryAnswersTheFirstDocumentAndStoresNothingTwice() {
        String contact = ContactServiceStandIn.contact(700);
        String first = upload(contact, "attachment-0").statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        upload(contact, "attachment-0").statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(first));
        String other = upload(contact, "attachment-1").statusCode(201).extract().path("id");
        assertNotEquals(first, other);
        assertStored(storage, storageConfig.bucket(), contact, 2);
    }

    @Test
    void anOverlongKeyIs400NamingTheHeader() {
        upload(ContactServiceStandIn.contact(701), "k".repeat(201)).statusCode(400)
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertStored(storage, storageConfig.bucket(), ContactServiceStandIn.contact(701), 0);
    }

    private static ValidatableResponse upload(String contact, String key) {
        return given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact)).header("Idempotency-Key", key)
                .multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", contact).multiPart("documentType", "report")
                .post("/api/v1/documents").then();
    }
}
