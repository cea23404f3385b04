package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.assertStored;
import static dev.intake.document.rest.Uploads.legacyUploadFor;
import static dev.intake.document.rest.Uploads.uploadFor;
import static dev.intake.document.rest.Uploads.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Quotas per contact and per token (429 with Retry-After naming the limit); nothing stored when refused. */
@QuarkusTest
@TestProfile(UploadQuotaTest.Quotas.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class UploadQuotaTest {

    public static class Quotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.document.processing.enabled", "false",
                    "intake.document.quota.files-per-contact", "3",
                    "intake.document.quota.bytes-per-contact", "5000",
                    "intake.document.quota.uploads-per-token", "5",
                    "intake.document.quota.token-window", "10M");
        }
    }

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    @Test
    void aContactsFourthFileIs429NamingTheLimitAndLeavesNothing() {
        String contact = ContactServiceStandIn.contact(1);
        for (int i = 0; i < 3; i++) {
            uploadFor(contact, "f" + i + ".txt", SampleFiles.text()).statusCode(201);
        }
        uploadFor(contact, "f3.txt", SampleFiles.text()).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("files-per-contact"));
        assertStored(storage, storageConfig.bucket(), contact, 3);
    }

    @Test
    void bytesBeyondTheContactsQuotaAre429() {
        String contact = ContactServiceStandIn.contact(2);
        uploadFor(contact, "small.txt", SampleFiles.text()).statusCode(201);
        byte[] big = "words ".repeat(900).getBytes(StandardCharsets.UTF_8);
        uploadFor(contact, "big.txt", big).statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .body("detail", containsString("bytes-per-contact"));
        assertStored(storage, storageConfig.bucket(), contact, 1);
    }

    @Test
    void oneTokensSixthAttemptWithinTheWindowIs429() {
        String contact = ContactServiceStandIn.contact(3);
        // refused attempts count too (a .pdf that is text): the limit is on the token's requests
        for (int i = 0; i < 5; i++) {
            uploadFor(contact, "fake" + i + ".pdf", SampleFiles.text()).statusCode(415);
        }
        uploadFor(contact, "real.txt", SampleFiles.text()).statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("detail", containsString("uploads-per-token"))
                .body("errors[0].field", equalTo("file"));
        assertStored(storage, storageConfig.bucket(), contact, 0);
    }

    @Test
    void theAdministratorIsNotHeldToTheContactsQuota() {
        String contact = ContactServiceStandIn.contact(4);
        for (int i = 0; i < 4; i++) {
            admin().multiPart("file", "a" + i + ".txt", SampleFiles.text(), "text/plain")
                    .multiPart("contactId", contact).multiPart("documentType", "report")
                    .post("/api/v1/documents").then().statusCode(201);
        }
        assertStored(storage, storageConfig.bucket(), contact, 4);
    }

    @Test
    void theOldPathCountsPerApiKeyAndAnswersTheOldEnvelope() {
        // the key "form" spreads its uploads over contacts: its own window is what stops it
        for (int i = 0; i < 5; i++) {
            legacyUploadFor(ContactServiceStandIn.contact(10 + i)).statusCode(200);
        }
        legacyUploadFor(ContactServiceStandIn.contact(15)).statusCode(429)
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]*"))
                .body("error", allOf(containsString("uploads-per-token"), containsString("nothing was stored")))
                .body("timestamp", org.hamcrest.Matchers.notNullValue());
        assertStored(storage, storageConfig.bucket(), ContactServiceStandIn.contact(15), 0);
    }
}
