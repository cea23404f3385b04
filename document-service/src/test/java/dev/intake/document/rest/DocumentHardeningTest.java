package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;

/** The old clients' values keep working; bad input is a 4xx naming the field, never a 500. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class DocumentHardeningTest {

    @Test
    void theOldUploadAcceptsAnyDocumentTypeOfAtMost50Characters() {
        given().header("X-API-Key", "test-form-key").multiPart("file", "old-client.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "test")
                .post("/documents/upload").then().statusCode(200).body("processing_status", equalTo("pending"));
        given().header("X-API-Key", "test-form-key").multiPart("file", "old-client.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "t".repeat(51))
                .post("/documents/upload").then().statusCode(400)
                .body("error", allOf(containsString("document_type"), containsString("at most 50")));
    }

    @Test
    void everyOldEnvelopeErrorNamesTheFieldAndTheReason() {
        given().header("X-API-Key", "test-form-key").multiPart("contact_id", "not-a-uuid")
                .multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(400)
                .body("error", allOf(containsString("file is required"), containsString("contact_id must be a contact id")))
                .body("timestamp", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theNewUploadKeepsItsListOfTypes() {
        given().header("X-Upload-Token", ContactServiceStandIn.TOKEN)
                .multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "test")
                .post("/api/v1/documents").then().statusCode(400).body("errors[0].field", equalTo("documentType"));
    }

    @Test
    void aDescriptionOf1000CjkCharactersFitsTheFormLimit() {
        given().header("X-Upload-Token", ContactServiceStandIn.TOKEN)
                .multiPart("file", "cjk.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "report")
                .multiPart(new MultiPartSpecBuilder("説".repeat(1000)).controlName("description").mimeType("text/plain")
                        .charset("UTF-8").build())
                .post("/api/v1/documents").then().statusCode(201);
    }

    @Test
    void aPageBeyondReachIs400NamingPage() {
        admin().queryParam("page", 21474837).queryParam("size", 100).get("/api/v1/documents")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        admin().queryParam("size", "x").get("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void aCrossSiteDeleteWithCachedCredentialsIsRefused() {
        String id = Uploads.stored("keep.txt", SampleFiles.text(), "text/plain");
        admin().header("Sec-Fetch-Site", "cross-site").delete("/api/v1/documents/" + id).then().statusCode(403);
        admin().contentType("text/plain").body("go").post("/api/v1/documents/" + id + "/reprocess").then().statusCode(415);
        admin().get("/api/v1/documents/" + id).then().statusCode(200);
    }
}
