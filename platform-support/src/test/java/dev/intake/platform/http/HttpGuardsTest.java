package dev.intake.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.intake.platform.event.RecordingConsumerResource;
import dev.intake.platform.problem.Problem;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(RecordingConsumerResource.class)
class HttpGuardsTest {

    private static final String PASSWORD = "dev-only-admin-password";

    @TestHTTPResource("/")
    URI base;

    private RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", PASSWORD);
    }

    private String ownOrigin() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }

    // ------------------------------------------------------------------ cross-site admin requests

    @Test
    void aCrossSiteTextPlainPostWithCachedCredentialsIsRefused() {
        admin().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .contentType("text/plain").body("{}")
                .when().post("/api/v1/probe/admin/action")
                .then().statusCode(403)
                .contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(403))
                .body("detail", containsString("this site's own pages"));
    }

    @Test
    void aForeignOriginIsRefusedEvenWithoutSecFetchSite() {
        admin().header("Origin", "https://evil.example").contentType("application/json")
                .body("{\"name\":\"x\",\"count\":1}")
                .when().post("/api/v1/probe/admin/greetings")
                .then().statusCode(403).body("detail", containsString("Origin"));
        admin().header("Origin", "null").when().post("/api/v1/probe/admin/action").then().statusCode(403);
    }

    @Test
    void aSameSiteRequestFromAnotherOriginIsRefused() {
        admin().header("Sec-Fetch-Site", "same-site").header("Origin", "http://other." + base.getHost())
                .when().post("/api/v1/probe/admin/action")
                .then().statusCode(403);
    }

    @Test
    void theSitesOwnPagesAndConfiguredOriginsAreAccepted() {
        admin().header("Sec-Fetch-Site", "same-origin").header("Origin", ownOrigin())
                .when().post("/api/v1/probe/admin/action").then().statusCode(200).body(equalTo("done"));
        admin().header("Sec-Fetch-Site", "none").when().post("/api/v1/probe/admin/action").then().statusCode(200);
        admin().header("Sec-Fetch-Site", "same-site").header("Origin", "https://admin.example.org")
                .contentType("application/json").body("{\"name\":\"x\",\"count\":1}")
                .when().post("/api/v1/probe/admin/greetings").then().statusCode(200);
    }

    @Test
    void apiClientsWithoutBrowserHeadersKeepWorking() {
        admin().when().post("/api/v1/probe/admin/action").then().statusCode(200);
        admin().contentType("application/json").body("{\"name\":\"x\",\"count\":1}")
                .when().post("/api/v1/probe/admin/greetings").then().statusCode(200).body(equalTo("hello admin"));
    }

    @Test
    void anAdminTextPlainBodyIs415AlsoWhereNoBodyIsRead() {
        admin().contentType("text/plain").body("reindex please")
                .when().post("/api/v1/probe/admin/action")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE).body("status", equalTo(415));
        admin().contentType("application/x-www-form-urlencoded").body("a=b")
                .when().post("/api/v1/probe/admin/action").then().statusCode(415);
    }

    @Test
    void safeMethodsAndRequestsWithoutCredentialsAreLeftToTheEndpoints() {
        given().header("Sec-Fetch-Site", "cross-site").get("/api/v1/probe/log").then().statusCode(200);
        // no credentials: the endpoint's own 401, not the guard's 403
        given().header("Sec-Fetch-Site", "cross-site").when().post("/api/v1/probe/admin/action")
                .then().statusCode(401);
    }

    // ------------------------------------------------------------------ body limits

    @Test
    void aJsonBodyOver64KiBIs413ProblemOnApiV1() {
        given().contentType("application/json").body(greeting(65 * 1024))
                .when().post("/api/v1/probe/greetings")
                .then().statusCode(413).contentType(Problem.MEDIA_TYPE)
                .body("status", equalTo(413)).body("detail", containsString("64 KiB"));
        given().contentType("application/json").body(greeting(60 * 1024))
                .when().post("/api/v1/probe/greetings").then().statusCode(200);
    }

    @Test
    void anOctetStreamBodyIsExemptOnlyOnAStreamedUploadPath() {
        byte[] file = new byte[200 * 1024];
        given().contentType("application/octet-stream").body(file).when().post("/api/v1/probe/files")
                .then().statusCode(200).body(equalTo(Integer.toString(file.length)));
        // JSON stays limited there, and an octet-stream body anywhere else
        given().contentType("application/json").body(greeting(65 * 1024)).when().post("/api/v1/probe/files")
                .then().statusCode(413);
        given().contentType("application/octet-stream").body(file).when().post("/api/v1/probe/greetings")
                .then().statusCode(413);
    }

    @Test
    void aJsonBodyOver64KiBIs413InTheOldEnvelopeOnOldPaths() {
        given().contentType("application/json").body(greeting(65 * 1024))
                .when().post("/stats-probe/greetings")
                .then().statusCode(413).contentType("application/json")
                .body("error", containsString("64 KiB")).body("timestamp", notNullValue());
    }

    @Test
    void aChunkedJsonBodyMustDeclareItsLength() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(HttpRequest.newBuilder(base.resolve("/api/v1/probe/greetings"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(greeting(100).getBytes(StandardCharsets.UTF_8))))
                .build(), HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(411, answer.statusCode());
        org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("Content-Length"), answer.body());
    }

    private static String greeting(int size) {
        return "{\"name\":\"" + "x".repeat(size) + "\",\"count\":1}";
    }

    // ------------------------------------------------------------------ failed sign-ins

    @Test
    void failedSignInsAreLimitedPerClientAddress() throws Exception {
        String attacker = "203.0.113.41";
        // the administrator signed in from the same address (a shared NAT) before the guessing began
        admin().header("X-Forwarded-For", attacker).post("/api/v1/probe/admin/action").then().statusCode(200);
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic("admin", "guess-" + i).header("X-Forwarded-For", attacker)
                    .post("/api/v1/probe/admin/action").then().statusCode(401);
        }
        given().auth().preemptive().basic("admin", "guess-11").header("X-Forwarded-For", attacker)
                .post("/api/v1/probe/admin/action")
                .then().statusCode(429).header("Retry-After", notNullValue())
                .contentType(Problem.MEDIA_TYPE).body("status", equalTo(429));
        // credentials that passed recently are no guess: still let through, without a bcrypt
        admin().header("X-Forwarded-For", attacker).post("/api/v1/probe/admin/action").then().statusCode(200);
        // another address is unaffected
        given().auth().preemptive().basic("admin", "guess").header("X-Forwarded-For", "203.0.113.42")
                .post("/api/v1/probe/admin/action").then().statusCode(401);
    }

    @Test
    void theLimitIsCheckedBeforeTheBodyIsRead() throws Exception {
        String attacker = "203.0.113.51";
        for (int i = 0; i < 10; i++) {
            given().auth().preemptive().basic("admin", "guess-" + i).header("X-Forwarded-For", attacker)
                    .get("/api/v1/probe/log");
            given().auth().preemptive().basic("admin", "guess-" + i).header("X-Forwarded-For", attacker)
                    .post("/api/v1/probe/admin/action");
        }
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve("/api/v1/probe/admin/action"))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString("admin:x".getBytes()))
                .header("X-Forwarded-For", attacker).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        org.junit.jupiter.api.Assertions.assertEquals(429, answer.statusCode());
    }
}
