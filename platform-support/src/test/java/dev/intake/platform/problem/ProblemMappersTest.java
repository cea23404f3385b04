package dev.intake.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.intake.platform.correlation.CorrelationId;
import dev.intake.platform.event.RecordingConsumerResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class ProblemMappersTest {

    @Test
    void unexpectedErrorsHideTheirMessage() {
        given().header(CorrelationId.HEADER, "fail-1")
                .when().get("/api/v1/probe/fail")
                .then().statusCode(500)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Internal error"))
                .body("status", equalTo(500))
                .body("correlationId", equalTo("fail-1"))
                .body(not(containsString("secret_table")))
                .body(not(containsString("IllegalStateException")));
    }

    @Test
    void validationErrorsNameEachField() {
        given().contentType("application/json").body("{\"name\":\" \",\"email\":\"not-an-email\",\"count\":1}")
                .when().post("/api/v1/probe/greetings")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("errors.field", hasItems("name", "email"))
                .body("instance", equalTo("/api/v1/probe/greetings"));
    }

    @Test
    void malformedJsonIsA400WithoutParserInternals() {
        given().contentType("application/json").body("{\"name\": \"x\", ")
                .when().post("/api/v1/probe/greetings")
                .then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Invalid request"))
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("line:")));
    }

    @Test
    void wrongTypeNamesTheField() {
        given().contentType("application/json").body("{\"name\":\"x\",\"count\":\"many\"}")
                .when().post("/api/v1/probe/greetings")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("count"))
                .body(not(containsString("java.lang")));
    }

    @Test
    void unknownPathsAreProblem404s() {
        given().header(CorrelationId.HEADER, "nf-1")
                .when().get("/api/v1/nothing-here")
                .then().statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .header(CorrelationId.HEADER, equalTo("nf-1"))
                .body("status", equalTo(404));
    }

    @Test
    void wrongMethodIsA405Problem() {
        given().when().delete("/api/v1/probe/log")
                .then().statusCode(405)
                .contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void oldPublicPathsKeepTheOldErrorEnvelope() {
        given().when().get("/stats-probe/fail")
                .then().statusCode(500)
                .contentType(containsString("application/json"))
                .body("error", notNullValue())
                .body("timestamp", containsString("Z"))
                .body(not(containsString("SQLException")));
    }
}
