package dev.intake.search;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class SearchServiceEndpointsTest extends ServiceEndpointsContract {

    @InjectServer(MeilisearchTestResource.class)
    ThrowawayServer dependency;

    @Override
    protected ThrowawayServer dependency() {
        return dependency;
    }

    @Override
    protected String dependencyCheck() {
        return "Meilisearch";
    }

    @Override
    protected String unknownApiPath() {
        return "/api/v1/search-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Meilisearch" };
    }

    @org.junit.jupiter.api.Test
    void indexStatisticsAreAvailableInternallyWithTheServiceToken() {
        io.restassured.RestAssured.given().header("X-Service-Token", "dev-only-contact-to-search-token")
                .get("/internal/search/stats").then().statusCode(200)
                .body("documents", org.hamcrest.Matchers.notNullValue());
        io.restassured.RestAssured.given().get("/internal/search/stats").then().statusCode(401);
        // search-service presents this one to document-service; it opens nothing here
        io.restassured.RestAssured.given().header("X-Service-Token", "dev-only-search-to-document-token")
                .get("/internal/search/stats").then().statusCode(403);
    }
}
