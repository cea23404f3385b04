package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.valid;
import static dev.intake.contact.rest.Submissions.withFormKey;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class LegacyAndInternalContactTest {

    @Test
    void theOldContactEndpointKeepsItsShape() {
        int before = given().get("/stats").then().statusCode(200).extract().path("visitor_count");
        withFormKey().body(valid("Old Client")).post("/contact").then().statusCode(200)
                .body("message", equalTo("Contact form submitted successfully!"))
                .body("contactId", notNullValue())
                .body("timestamp", endsWith("Z"))
                .body("visitor_count", greaterThan(before))
                .body("documents_count", equalTo(0));
        given().get("/stats").then().statusCode(200)
                .body("visitor_count", greaterThan(before))
                .body("enhanced_features", equalTo(true))
                .body("timestamp", endsWith("Z"));
    }

    @Test
    void theOldEndpointAnswersErrorsInTheOldEnvelope() {
        withFormKey().body("{\"name\":\"x\",\"email\":\"not-an-email\",\"message\":\"y\"}").post("/contact")
                .then().statusCode(400).body("error", containsString("invalid")).body("timestamp", endsWith("Z"));
        given().contentType("application/json").body(valid("no key")).post("/contact").then().statusCode(401)
                .body("error", notNullValue());
    }

    @Test
    void theOldHealthEndpointReportsEachDependencyAndIsDegradedWhenOneIsAway() {
        // the other services do not run in this test: the test properties put them at a port that stays
        // closed (a running local stack on 8082-8084 is not asked), so their dependencies cannot be confirmed
        given().get("/health").then().statusCode(503)
                .body("status", equalTo("degraded"))
                .body("timestamp", endsWith("Z"))
                .body("version", notNullValue())
                .body("services.postgresql", equalTo("connected"))
                .body("services.meilisearch", equalTo("unreachable"))
                .body("services.minio", org.hamcrest.Matchers.not(equalTo("connected")))
                .body("services.ses", equalTo("unreachable"))
                .body("visitor_count", notNullValue())
                .body("search_stats", org.hamcrest.Matchers.hasKey("total_documents"));
    }

    @Test
    void documentServiceCanCheckUploadTokens() {
        var created = withFormKey().body(valid("Uploader")).post("/api/v1/contacts").then().statusCode(201)
                .extract().jsonPath();
        String id = created.getString("id");
        String token = created.getString("uploadToken");
        String otherId = withFormKey().body(valid("Someone")).post("/api/v1/contacts").then().extract().path("id");

        internal().body("{\"uploadToken\":\"%s\"}".formatted(token))
                .post("/internal/contacts/" + id + "/upload-authorization").then().statusCode(200)
                .body("contactId", equalTo(id));
        internal().body("{\"uploadToken\":\"%s\"}".formatted(token))
                .post("/internal/contacts/" + otherId + "/upload-authorization").then().statusCode(403);
        internal().body("{\"uploadToken\":\"%sx\"}".formatted(token))
                .post("/internal/contacts/" + id + "/upload-authorization").then().statusCode(403);
        internal().get("/internal/contacts/" + id).then().statusCode(200);
        internal().get("/internal/contacts/" + UUID.randomUUID()).then().statusCode(404);
        given().get("/internal/contacts/" + id).then().statusCode(401);
        // another pair's token (contact→search) is not document-service's: refused
        given().header("X-Service-Token", "dev-only-contact-to-search-token").get("/internal/contacts/" + id)
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void theOldUploadPathMayAttachOnlyToContactsItsKeySubmittedThroughTheOldPath() {
        String old = withFormKey().body(valid("Old Uploader")).post("/contact").then().statusCode(200)
                .extract().path("contactId");
        String viaNewApi = withFormKey().body(valid("New Uploader")).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");

        internal().body("{\"apiKey\":\"form\"}").post("/internal/contacts/" + old + "/upload-authorization")
                .then().statusCode(200).body("contactId", equalTo(old));
        // another key, or a contact of the new API (which has an upload token, and may be a web form's
        // contact, whose key is public): refused
        internal().body("{\"apiKey\":\"reader\"}").post("/internal/contacts/" + old + "/upload-authorization")
                .then().statusCode(403);
        internal().body("{\"apiKey\":\"form\"}").post("/internal/contacts/" + viaNewApi + "/upload-authorization")
                .then().statusCode(403);
        internal().body("{\"apiKey\":\"form\"}").post("/internal/contacts/" + UUID.randomUUID() + "/upload-authorization")
                .then().statusCode(403);
    }

    private static io.restassured.specification.RequestSpecification internal() {
        return given().contentType("application/json").header("X-Service-Token", "dev-only-document-to-contact-token");
    }
}
