package dev.intake.document.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The old upload path refuses a missing or wrong key before its body is read (old envelope, connection closed). */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class UploadKeyCheckTest {

    @Test
    void aMissingOrWrongKeyIsRefusedBeforeTheBody() {
        byte[] big = new byte[200_000];
        java.util.Arrays.fill(big, (byte) 'a');
        given().multiPart("file", "a.txt", big, "text/plain").multiPart("contact_id", ContactServiceStandIn.CONTACT)
                .multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(401).header("Connection", "close")
                .body("error", containsString("API key is required"));
        given().header("X-API-Key", "wrong").multiPart("file", "a.txt", big, "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(401).body("error", containsString("not valid"));
        given().header("X-API-Key", "test-form-key").multiPart("file", "a.txt", "hello".getBytes(), "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(200).body("contact_id", equalTo(ContactServiceStandIn.CONTACT));
    }
}
