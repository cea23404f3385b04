package dev.intake.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.S3TestResource;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.document.rest.ContactServiceStandIn;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class DocumentServiceEndpointsTest extends ServiceEndpointsContract {

    @InjectServer(S3TestResource.class)
    ThrowawayServer dependency;

    @Override
    protected ThrowawayServer dependency() {
        return dependency;
    }

    @Override
    protected String dependencyCheck() {
        return "Object storage bucket";
    }

    @Override
    protected String unknownApiPath() {
        return "/api/v1/documents-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Object storage bucket" };
    }

    @org.junit.jupiter.api.Test
    void processedDocumentsAreReadWithSearchServicesTokenOnly() {
        io.restassured.RestAssured.given().header("X-Service-Token", "dev-only-search-to-document-token")
                .get("/internal/documents?limit=1").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.notNullValue());
        // contact-service's token here delivers events only: it reads no documents
        io.restassured.RestAssured.given().header("X-Service-Token", "dev-only-contact-to-document-token")
                .get("/internal/documents?limit=1").then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("caller contact may not call this path"));
        // and search-service sends no events
        io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Service-Token", "dev-only-search-to-document-token").body("{\"events\":[]}")
                .post("/internal/events/batch").then().statusCode(403);
        io.restassured.RestAssured.given().get("/internal/documents?limit=1").then().statusCode(401);
    }
}
