package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.assertStored;
import static dev.intake.document.rest.Uploads.legacyUploadFor;
import static dev.intake.document.rest.Uploads.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Another person's contact is refused on both upload paths, with nothing stored; one's own works: the new
 * path by the contact's upload token, the old path by the API key that submitted the contact (contact-service
 * answers which; ContactServiceStandIn plays it).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class ForeignContactUploadTest {

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    @Test
    void theOldPathAttachesOnlyToContactsItsKeySubmitted() {
        String own = ContactServiceStandIn.contact(500);
        String foreign = ContactServiceStandIn.contact(ContactServiceStandIn.OTHERS + 1);
        legacyUploadFor(own).statusCode(200).body("contact_id", equalTo(own));
        legacyUploadFor(foreign).statusCode(403).contentType("application/json")
                .body("error", containsString("did not submit this contact"))
                .body("timestamp", org.hamcrest.Matchers.notNullValue());
        assertStored(storage, storageConfig.bucket(), own, 1);
        assertStored(storage, storageConfig.bucket(), foreign, 0);
    }

    @Test
    void theNewPathRefusesAnotherContactsToken() {
        String mine = ContactServiceStandIn.contact(501);
        String theirs = ContactServiceStandIn.contact(ContactServiceStandIn.OTHERS + 2);
        given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(mine))
                .multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", theirs).multiPart("documentType", "report")
                .post("/api/v1/documents").then().statusCode(403).contentType("application/problem+json");
        given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(mine))
                .multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", mine).multiPart("documentType", "report")
                .post("/api/v1/documents").then().statusCode(201);
        assertStored(storage, storageConfig.bucket(), theirs, 0);
        assertStored(storage, storageConfig.bucket(), mine, 1);
    }
}
