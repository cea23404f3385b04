package dev.intake.notification;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Each producer delivers with the token of its own pair, and only the event types it may send. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class ServiceIdentityTest {

    @Test
    void anotherPairsTokenIsRefused() {
        String event = Api.envelope(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(UUID.randomUUID(), "Wrong pair", "pair@example.net", null));
        // contact-service's token for search-service, and document-service's for contact-service
        for (String token : List.of("dev-only-contact-to-search-token", "dev-only-document-to-contact-token")) {
            given().contentType("application/json").header("X-Service-Token", token).body("{\"events\":[" + event + "]}")
                    .post("/internal/events/batch").then().statusCode(403).contentType("application/problem+json");
        }
    }

    @Test
    void aSubmissionForgedByDocumentServiceIsRefusedWhileItsNeighboursLand() {
        UUID contactId = UUID.randomUUID();
        UUID forged = UUID.randomUUID();
        String submitted = Api.contactSubmitted(contactId, "Forged " + contactId, "forged@example.net", null);

        List<String> statuses = Api.postBatch(Api.DOCUMENT_TOKEN, List.of(
                Api.envelope(UUID.randomUUID(), "document.processed", ErasureAndDigestTest.document(UUID.randomUUID(), "COMPLETED")),
                Api.envelope(forged, "contact.submitted", submitted),
                Api.envelope(UUID.randomUUID(), "document.processed", ErasureAndDigestTest.document(UUID.randomUUID(), "COMPLETED"))));

        assertEquals(List.of("applied", "rejected", "applied"), statuses);
        assertTrue(Api.rows(contactId).isEmpty(), "no mail is queued for a submission document-service may not announce");

        // the same event from contact-service, which may send it, is applied: the refusal recorded nothing
        assertEquals(List.of("applied"), Api.postBatch(Api.CONTACT_TOKEN, List.of(Api.envelope(forged, "contact.submitted", submitted))));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
    }

    @Test
    void theRejectionNamesTheCallerAndTheType() {
        given().contentType("application/json").header("X-Service-Token", Api.DOCUMENT_TOKEN)
                .body("{\"events\":[" + Api.envelope(UUID.randomUUID(), "contact.deleted",
                        "{\"contactId\":\"" + UUID.randomUUID() + "\",\"deletedAt\":\"2026-12-01T11:00:00Z\"}") + "]}")
                .post("/internal/events/batch").then().statusCode(200)
                .body("results[0].status", org.hamcrest.Matchers.equalTo("rejected"))
                .body("results[0].detail", org.hamcrest.Matchers.equalTo(
                        "caller document may not send events of type contact.deleted to this service"));
    }
}
