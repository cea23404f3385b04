package dev.intake.document.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.DocumentConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class UploadLimitsTest {

    @Inject
    DocumentConfig config;

    @Test
    void limitsArePublicAndFollowTheConfiguration() {
        given().get("/api/v1/documents/limits").then().statusCode(200)
                .header("Cache-Control", org.hamcrest.Matchers.containsString("max-age=300"))
                .body("maxBytes", equalTo((int) config.maxSizeBytes()))
                .body("extensions", hasItems("pdf", "docx", "txt", "png"))
                .body("extensions", not(hasItems("exe")))
                .body("documentTypes", hasItems("proposal", "technical_doc", "other"));
    }

    @Test
    void theLimitsPathIsNotTakenForADocumentId() {
        given().get("/api/v1/documents/not-a-uuid").then().statusCode(401);
        Uploads.admin().get("/api/v1/documents/limits").then().statusCode(200)
                .body("maxBytes", equalTo((int) config.maxSizeBytes()));
    }
}
