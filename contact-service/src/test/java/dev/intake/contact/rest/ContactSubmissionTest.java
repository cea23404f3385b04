package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.fromNewClient;
import static dev.intake.contact.rest.Submissions.valid;
import static dev.intake.contact.rest.Submissions.withFormKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactSubmissionTest {

    @Inject
    Pool pool;

    private long rows(String sql, Object... args) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(args)).iterator().next().getLong(0);
    }

    @Test
    void aValidSubmissionIsStoredWithItsEventAndAnUploadToken() {
        String id = withFormKey().body(valid("Ada Lovelace")).post("/api/v1/contacts")
                .then().statusCode(201)
                .header("Location", containsString("/api/v1/contacts/"))
                .body("id", notNullValue())
                .body("createdAt", notNullValue())
                .body("uploadToken", matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .extract().path("id");

        UUID contactId = UUID.fromString(id);
        assertEquals(1, rows("SELECT count(*) FROM contact_submission WHERE id = $1 AND status = 'new'", contactId));
        assertEquals(1, rows("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'contact.submitted'",
                id));
        assertEquals(2, rows("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                + " WHERE e.aggregate_id = $1 AND d.subscriber IN ('notification', 'search')", id));
    }

    @Test
    void textIsTrimmedAndNormalisedToNfc() {
        // "e" + combining acute accent becomes the single code point é
        String id = withFormKey().body("""
                {"name":"  Rene\u0301 Descartes  ","email":" rene@example.fr ","message":" Cogito. "}""")
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        var row = pool.preparedQuery("SELECT name, email, message, source FROM contact_submission WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next();
        assertEquals("Ren\u00e9 Descartes", row.getString("name"));
        assertEquals("rene@example.fr", row.getString("email"));
        assertEquals("Cogito.", row.getString("message"));
        assertEquals("website", row.getString("source"));
    }

    @Test
    void everyFieldLimitIsEnforcedAndNamed() {
        String body = """
                {"name":"%s","email":"a@example.org","message":"%s","company":"%s","service":"%s",
                 "budget":"%s","source":"%s","userAgent":"%s","pageUrl":"https://example.org/%s"}""".formatted(
                "n".repeat(101), "m".repeat(1001), "c".repeat(101), "s".repeat(101), "b".repeat(51),
                "o".repeat(51), "u".repeat(501), "p".repeat(500));
        withFormKey().body(body).post("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("name", "message", "company", "service", "budget", "source",
                        "userAgent", "pageUrl"));
    }

    @Test
    void limitsAreInclusive() {
        withFormKey().body("""
                {"name":"%s","email":"a@example.org","message":"%s","budget":"%s"}""".formatted(
                "n".repeat(100), "m".repeat(1000), "b".repeat(50)))
                .post("/api/v1/contacts").then().statusCode(201);
    }

    @Test
    void missingRequiredFieldsAreNamed() {
        withFormKey().body("{\"company\":\"x\"}").post("/api/v1/contacts").then().statusCode(400)
                .body("errors.field", hasItems("name", "email", "message"));
    }

    @Test
    void invalidEmailsAreRefused() {
        for (String email : new String[] { "not-an-email", "a@b", "a@@example.org", "a b@example.org",
                "a@example.org\nBcc: x@evil.test", "<script>@example.org" }) {
            withFormKey().body("{\"name\":\"x\",\"message\":\"y\",\"email\":\"%s\"}".formatted(
                    email.replace("\n", "\\n")))
                    .post("/api/v1/contacts").then().statusCode(400).body("errors.field", hasItem("email"));
        }
    }

    @Test
    void controlCharactersAreRefusedButNewlinesInTheMessageAreKept() {
        withFormKey().body("{\"name\":\"x\\u0000y\",\"email\":\"a@example.org\",\"message\":\"y\"}")
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("name"));
        withFormKey().body("{\"name\":\"x\",\"email\":\"a@example.org\",\"message\":\"line 1\\nline 2\"}")
                .post("/api/v1/contacts").then().statusCode(201);
    }

    @Test
    void aNonHttpPageUrlIsRefused() {
        withFormKey().body("{\"name\":\"x\",\"email\":\"a@example.org\",\"message\":\"y\",\"pageUrl\":\"javascript:alert(1)\"}")
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("pageUrl"));
    }

    @Test
    void malformedAndWronglyTypedBodiesAreClear400s() {
        withFormKey().body("{\"name\": \"x\", ").post("/api/v1/contacts").then().statusCode(400)
                .contentType("application/problem+json").body(not(containsString("jackson")));
        withFormKey().body("{\"name\": [1,2], \"email\":\"a@example.org\",\"message\":\"y\"}").post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
        withFormKey().body("").post("/api/v1/contacts").then().statusCode(400);
        withFormKey().contentType("text/plain").body("name=x").post("/api/v1/contacts").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
        // only the headers are sent: the declared length alone must be enough to refuse
        int port = io.restassured.RestAssured.port;
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(("POST /api/v1/contacts HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nX-API-Key: " + Submissions.FORM_KEY + "\r\n"
                    + "Content-Length: " + (5 * 1024 * 1024) + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII)).readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", statusLine);
        }
    }

    @Test
    void nothingIsStoredForARejectedSubmission() {
        long before = rows("SELECT count(*) FROM contact_submission WHERE name = $1", "half-stored");
        withFormKey().body("{\"name\":\"half-stored\",\"email\":\"bad\",\"message\":\"y\"}")
                .post("/api/v1/contacts").then().statusCode(400);
        assertEquals(before, rows("SELECT count(*) FROM contact_submission WHERE name = $1", "half-stored"));
    }

    @Test
    void theHoneypotSilentlyDropsBots() {
        long before = rows("SELECT count(*) FROM contact_submission WHERE name = $1", "Botty");
        withFormKey().body("{\"name\":\"Botty\",\"email\":\"b@example.org\",\"message\":\"buy\",\"website\":\"http://spam.test\"}")
                .post("/api/v1/contacts").then().statusCode(201).body("id", notNullValue());
        assertEquals(before, rows("SELECT count(*) FROM contact_submission WHERE name = $1", "Botty"));
    }

    @Test
    void apiKeysAreRequiredScopedAndFailClosed() {
        fromNewClient().body(valid("no key")).post("/api/v1/contacts").then().statusCode(401)
                .contentType("application/problem+json");
        fromNewClient().header("X-API-Key", "guessed").body(valid("bad key")).post("/api/v1/contacts")
                .then().statusCode(401);
        fromNewClient().header("X-API-Key", Submissions.SEARCH_KEY).body(valid("search key")).post("/api/v1/contacts")
                .then().statusCode(403);
        // admin credentials are not an API key
        fromNewClient().auth().preemptive().basic(Submissions.ADMIN, Submissions.ADMIN_PASSWORD).body(valid("admin"))
                .post("/api/v1/contacts").then().statusCode(401);
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswer() {
        String key = UUID.randomUUID().toString();
        String first = withFormKey().header("Idempotency-Key", key).body(valid("Idem Potent"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        String second = withFormKey().header("Idempotency-Key", key).body(valid("Idem Potent"))
                .post("/api/v1/contacts").then().statusCode(201).header("Idempotent-Replayed", "true")
                .extract().path("id");
        assertEquals(first, second);
        assertEquals(1, rows("SELECT count(*) FROM contact_submission WHERE name = $1", "Idem Potent"));

        withFormKey().header("Idempotency-Key", key).body(valid("Someone Else")).post("/api/v1/contacts")
                .then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void submissionsAreRateLimitedPerClientAddress() {
        var sameClient = io.restassured.RestAssured.given().header("X-Forwarded-For", "192.0.2.77")
                .header("X-API-Key", Submissions.FORM_KEY).contentType("application/json");
        for (int i = 0; i < 5; i++) {
            sameClient.body(valid("Flood " + i)).post("/api/v1/contacts").then().statusCode(201);
        }
        sameClient.body(valid("Flood 6")).post("/api/v1/contacts").then().statusCode(429)
                .header("Retry-After", matchesPattern("[0-9]+"))
                .contentType("application/problem+json");
    }

    @Test
    void submissionsAreCountedWithBoundedLabels() {
        withFormKey().body(valid("Counted")).post("/api/v1/contacts").then().statusCode(201);
        io.restassured.RestAssured.given().get("/q/metrics").then()
                .body(containsString("contact_submissions_total{outcome=\"created\",source_kind=\"api\"}"));
    }
}
