package dev.intake.contact.rest;

import static dev.intake.contact.rest.Altcha.submission;
import static dev.intake.contact.rest.Altcha.withWebFormKey;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The web form's key needs a solved, signed, unexpired, unused challenge; other keys do not. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactProofOfWorkTest {

    @Inject
    Pool pool;

    private long contactsNamed(String name) {
        return pool.preparedQuery("SELECT count(*) FROM contact_submission WHERE name = $1")
                .executeAndAwait(Tuple.of(name)).iterator().next().getLong(0);
    }

    @Test
    void theChallengeIsSignedUnsolvedAndNotCached() {
        Submissions.fromNewClient().get("/api/v1/contacts/challenge").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("algorithm", equalTo("SHA-256"))
                .body("challenge", matchesPattern("[0-9a-f]{64}"))
                .body("signature", matchesPattern("[0-9a-f]{64}"))
                .body("salt", matchesPattern("[0-9a-f]{24}\\?expires=[0-9]+&"))
                .body("maxnumber", equalTo(5000))
                .body("number", equalTo(null));
    }

    @Test
    void aSolvedChallengeIsAcceptedOnceAndStoredOnce() {
        String altcha = Altcha.solved();
        withWebFormKey().body(submission("Proof Solver", altcha)).post("/api/v1/contacts")
                .then().statusCode(201).body("id", notNullValue());
        withWebFormKey().body(submission("Proof Replayer", altcha)).post("/api/v1/contacts")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("altcha"))
                .body("errors[0].message", equalTo("was already used: solve a new challenge"));
        assertEquals(1, contactsNamed("Proof Solver"));
        assertEquals(0, contactsNamed("Proof Replayer"));
    }

    @Test
    void aMultipartSubmissionCarriesItsSolutionAsAFormField() {
        withWebFormKey().contentType("multipart/form-data")
                .multiPart("name", "Proof Multipart").multiPart("email", "multi@example.org")
                .multiPart("message", "With a solved challenge.").multiPart("altcha", Altcha.solved())
                .post("/api/v1/contacts").then().statusCode(201);
        withWebFormKey().contentType("multipart/form-data")
                .multiPart("name", "Proof Multipart Missing").multiPart("email", "multi@example.org")
                .multiPart("message", "Without a solved challenge.")
                .post("/api/v1/contacts").then().statusCode(400).body("errors[0].field", equalTo("altcha"));
    }

    @Test
    void aMissingOrMalformedSolutionIs400NamingAltcha() {
        withWebFormKey().body(Submissions.valid("Proof Missing")).post("/api/v1/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("altcha"));
        withWebFormKey().body(submission("Proof Garbage", "not base64 at all!")).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("altcha"));
        String noNumber = java.util.Base64.getEncoder().encodeToString("{\"algorithm\":\"SHA-256\"}".getBytes());
        withWebFormKey().body(submission("Proof Fields", noNumber)).post("/api/v1/contacts")
                .then().statusCode(400).body("errors[0].field", equalTo("altcha"));
        assertEquals(0, contactsNamed("Proof Missing") + contactsNamed("Proof Garbage") + contactsNamed("Proof Fields"));
    }

    @Test
    void aWrongSignatureIsRefused() {
        String forged = Altcha.signedBy("an attacker's own key", Instant.now().plusSeconds(300), 7);
        withWebFormKey().body(submission("Proof Forger", forged)).post("/api/v1/contacts")
                .then().statusCode(422).body("errors[0].field", equalTo("altcha"))
                .body("errors[0].message", equalTo("has an invalid signature"));
        assertEquals(0, contactsNamed("Proof Forger"));
    }

    @Test
    void aWrongNumberIsRefused() {
        var challenge = Altcha.challenge();
        String wrong = Altcha.payload("SHA-256", challenge.getString("challenge"), Altcha.numberOf(challenge) + 1,
                challenge.getString("salt"), challenge.getString("signature"));
        withWebFormKey().body(submission("Proof Guesser", wrong)).post("/api/v1/contacts")
                .then().statusCode(422).body("errors[0].field", equalTo("altcha"))
                .body("errors[0].message", equalTo("is not a solution of its challenge"));
    }

    @Test
    void anExpiredChallengeIsRefusedAndAnAltchaLibChallengeIsAccepted() {
        String expired = Altcha.signedBy(Altcha.HMAC_KEY, Instant.now().minusSeconds(1), 42);
        withWebFormKey().body(submission("Proof Late", expired)).post("/api/v1/contacts")
                .then().statusCode(422).body("errors[0].field", equalTo("altcha"))
                .body("errors[0].message", equalTo("has expired: solve a new challenge"));
        // built the way altcha-lib's createChallenge builds one, with the service's key: the format is the same
        String current = Altcha.signedBy(Altcha.HMAC_KEY, Instant.now().plusSeconds(300), 42);
        withWebFormKey().body(submission("Proof In Time", current)).post("/api/v1/contacts").then().statusCode(201);
        assertEquals(0, contactsNamed("Proof Late"));
    }

    @Test
    void otherApiKeysSkipTheProofOfWork() {
        Submissions.withFormKey().body(Submissions.valid("Proof Skipper")).post("/api/v1/contacts").then().statusCode(201);
        Submissions.withFormKey().body(submission("Proof Skipper Garbage", "ignored")).post("/api/v1/contacts")
                .then().statusCode(201);
    }

    @Test
    void theOldPathAnswersInItsOwnShape() {
        withWebFormKey().body(Submissions.valid("Proof Legacy")).post("/contact")
                .then().statusCode(400).contentType("application/json").body("error", notNullValue())
                .body("timestamp", notNullValue());
        withWebFormKey().body(submission("Proof Legacy Solved", Altcha.solved())).post("/contact")
                .then().statusCode(200).body("contactId", notNullValue());
    }

    @Test
    void challengesAreRateLimitedPerClientAddress() {
        var sameClient = RestAssured.given().header("X-Forwarded-For", "192.0.2.151");
        for (int i = 0; i < 30; i++) {
            sameClient.get("/api/v1/contacts/challenge").then().statusCode(200);
        }
        sameClient.get("/api/v1/contacts/challenge").then().statusCode(429)
                .header("Retry-After", matchesPattern("[0-9]+")).contentType("application/problem+json");
    }
}
