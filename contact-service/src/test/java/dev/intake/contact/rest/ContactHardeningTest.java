package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.admin;
import static dev.intake.contact.rest.Submissions.create;
import static dev.intake.contact.rest.Submissions.fromNewClient;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;

/** Bad input is a 4xx naming the field, never a 500; admin requests only from the site itself. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactHardeningTest {

    @Test
    void aMultipartMessageOf1000CjkCharactersIsAccepted() {
        String message = "漢".repeat(1000);
        String id = fromNewClient().contentType("multipart/form-data").header("X-API-Key", Submissions.FORM_KEY)
                .multiPart("name", "Kanji Writer").multiPart("email", "kanji@example.org")
                .multiPart(new MultiPartSpecBuilder(message).controlName("message").mimeType("text/plain")
                        .charset("UTF-8").build())
                .post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
        admin().get("/api/v1/contacts/" + id).then().statusCode(200).body("message", equalTo(message));
    }

    @Test
    void aMultipartMessageOf1001CodePointsNamesTheField() {
        fromNewClient().contentType("multipart/form-data").header("X-API-Key", Submissions.FORM_KEY)
                .multiPart("name", "Kanji Writer").multiPart("email", "kanji@example.org")
                .multiPart(new MultiPartSpecBuilder("漢".repeat(1001)).controlName("message").mimeType("text/plain")
                        .charset("UTF-8").build())
                .post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("message"));
    }

    @Test
    void aNumberWhereTextIsExpectedIs400NamingTheFieldAndNothingIsStored() {
        fromNewClient().contentType("application/json").header("X-API-Key", Submissions.FORM_KEY)
                .body("{\"name\":12345,\"email\":\"numbers@example.org\",\"message\":\"a number for a name\"}")
                .post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("name"));
        fromNewClient().contentType("application/json").header("X-API-Key", Submissions.FORM_KEY)
                .body("{\"name\":\"x\",\"email\":\"numbers@example.org\",\"message\":true}")
                .post("/contact")
                .then().statusCode(400).body("error", notNullValue()).body("timestamp", notNullValue());
        admin().queryParam("q", "numbers@example.org").get("/api/v1/contacts").then().statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void anUnpairedSurrogateIs400NamingTheField() {
        fromNewClient().contentType("application/json").header("X-API-Key", Submissions.FORM_KEY)
                .body("{\"name\":\"Bad \\ud800 Name\",\"email\":\"surrogate@example.org\",\"message\":\"hello there\"}")
                .post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("surrogate"));
    }

    @Test
    void aCompressedBodyIs415() {
        fromNewClient().contentType("application/json").header("X-API-Key", Submissions.FORM_KEY)
                .header("Content-Encoding", "br")
                .body("{\"name\":\"Brotli\",\"email\":\"br@example.org\",\"message\":\"not compressed at all\"}")
                .post("/api/v1/contacts")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void aMultipartBodyCutOffBeforeItsEndIs400() {
        String cut = "--b0undary\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\nCut Off\r\n--b0undary\r\n"
                + "Content-Disposition: form-data; name=\"message\"\r\n\r\nthe body ends here";
        fromNewClient().contentType("multipart/form-data; boundary=b0undary").header("X-API-Key", Submissions.FORM_KEY)
                .body(cut.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("multipart"));
        fromNewClient().contentType("multipart/form-data; boundary=b0undary").header("X-API-Key", Submissions.FORM_KEY)
                .body(new byte[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }).post("/api/v1/contacts")
                .then().statusCode(400);
    }

    @Test
    void aMultipartBodyOfMorePartsThanAllowedIs413() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 1500; i++) {
            body.append("--b0undary\r\nContent-Disposition: form-data; name=\"p").append(i).append("\"\r\n\r\nx\r\n");
        }
        body.append("--b0undary--\r\n");
        fromNewClient().contentType("multipart/form-data; boundary=b0undary").header("X-API-Key", Submissions.FORM_KEY)
                .body(body.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json").body("detail", containsString("parts"));
    }

    @Test
    void aPageBeyondReachIs400NamingPage() {
        admin().queryParam("page", 21474837).queryParam("size", 100).get("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        admin().queryParam("page", "99999999999").get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("page"));
        admin().queryParam("size", "many").get("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void anInstantBeyondTheYear9999Is400NamingTheParameter() {
        admin().urlEncodingEnabled(false).get("/api/v1/contacts?createdFrom=%2B300000000-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("createdFrom"));
        admin().urlEncodingEnabled(false).get("/api/v1/contacts?createdTo=+300000000-01-01T00:00:00Z")
                .then().statusCode(400).body("errors[0].field", equalTo("createdTo"));
    }

    @Test
    void aCrossSiteStatusChangeWithCachedCredentialsIsRefused() {
        String id = create("Forgery Target");
        admin().header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example")
                .body("{\"status\":\"closed\"}").patch("/api/v1/contacts/" + id)
                .then().statusCode(403).contentType("application/problem+json");
        admin().contentType("text/plain").body("x").delete("/api/v1/contacts/" + id).then().statusCode(415);
        admin().get("/api/v1/contacts/" + id).then().statusCode(200).body("status", equalTo("new"));
    }

    @Test
    void jsonOver64KiBIs413InEachPathsShape() {
        String big = Submissions.valid("Big Body").replace("We need 40 contracts digitised.", "x".repeat(70_000));
        fromNewClient().header("X-API-Key", Submissions.FORM_KEY).body(big).post("/api/v1/contacts")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
        fromNewClient().header("X-API-Key", Submissions.FORM_KEY).body(big).post("/contact")
                .then().statusCode(413).contentType("application/json")
                .body("error", containsString("64 KiB")).body("timestamp", notNullValue());
    }
}
