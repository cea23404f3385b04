package dev.intake.search;

import static dev.intake.search.Events.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Bad input is a 4xx naming the parameter; the reindex cannot be started from another site. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class SearchHardeningTest {

    @Test
    void anInstantBeyondTheYear9999Is400NamingTheParameter() {
        admin().urlEncodingEnabled(false).get("/api/v1/search?uploadedFrom=%2B300000000-01-01T00:00:00Z")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("uploadedFrom"));
        admin().urlEncodingEnabled(false).get("/api/v1/search?uploadedTo=-300000000-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("uploadedTo"));
    }

    @Test
    void aCrossSiteTextPlainReindexWithCachedCredentialsIsRefused() {
        admin().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .contentType("text/plain").body("{}")
                .post("/api/v1/search/reindex").then().statusCode(403).contentType("application/problem+json");
        // without browser headers a text/plain body is still no request of the admin pages
        admin().contentType("text/plain").body("{}").post("/api/v1/search/reindex").then().statusCode(415);
    }

    @Test
    void oldSearchOver64KiBIs413InTheOldEnvelope() {
        admin().contentType("application/json").body("{\"query\":\"" + "x".repeat(70_000) + "\"}")
                .post("/documents/search").then().statusCode(413)
                .body("error", containsString("64 KiB")).body("timestamp", notNullValue());
    }
}
