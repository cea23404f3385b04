package dev.intake.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** contact.deleted erasure, and the document.processed digest. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class ErasureAndDigestTest {

    @Test
    void aDeletedContactsPersonalDataIsErasedFromTheLog() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Erase " + contactId, "erase@example.net", "Audit"));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Api.awaitRow(contactId, "contact-confirmation", Api.status("SENT"));

        assertEquals("applied", Api.post(UUID.randomUUID(), "contact.deleted",
                "{\"contactId\":\"" + contactId + "\",\"deletedAt\":\"2026-12-01T11:00:00Z\"}"));

        List<Map<String, Object>> rows = Api.rows(contactId);
        assertEquals(2, rows.size());
        for (Map<String, Object> row : rows) {
            assertEquals(List.of("[redacted]"), row.get("recipients"), row.toString());
            assertEquals("[redacted]", row.get("subject"));
            assertNull(row.get("replyTo"));
            assertNotNull(row.get("erasedAt"));
            assertEquals("SENT", row.get("status"), "the record that a mail went out stays");
            assertNotNull(row.get("sesMessageId"));
        }
        String id = (String) rows.get(0).get("id");
        Api.admin().get("/api/v1/notifications/" + id).then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo("[redacted]"));
    }

    @Test
    void processedDocumentsOfAContactGiveOneDigestPerWindow() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "document.processed", document(contactId, "COMPLETED"));
        Api.post(UUID.randomUUID(), "document.processed", document(contactId, "FAILED"));
        UUID duplicate = UUID.randomUUID();
        Api.post(duplicate, "document.processed", document(contactId, "COMPLETED"));
        assertEquals("duplicate", Api.post(duplicate, "document.processed", document(contactId, "COMPLETED")));

        Mailbox.Mail digest = Mailbox.await(m -> m.text() != null && m.text().contains(contactId.toString()), 1)
                .get(0);
        assertEquals("3 documents processed, 1 failed", digest.subject());
        assertEquals(List.of("admin@example.org", "ops@example.org"), digest.to());
        assertTrue(digest.html().contains("https://intake.example.org/admin/contacts/" + contactId), digest.html());
        Map<String, Object> row = Api.awaitRow(contactId, "document-digest", Api.status("SENT"));
        assertEquals(1, row.get("attempts"));
        assertEquals(List.of("admin@example.org", "ops@example.org"), row.get("recipients"));

        // the window is closed: the next document opens a new one, with its own digest
        Api.post(UUID.randomUUID(), "document.processed", document(contactId, "COMPLETED"));
        List<Mailbox.Mail> both = Mailbox.await(m -> m.text() != null && m.text().contains(contactId.toString()), 2);
        assertEquals(2, both.size());
        assertEquals("1 document processed, 0 failed", both.get(1).subject());
    }

    @Test
    void erasureClosesAnOpenDigestWindow() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "document.processed", document(contactId, "COMPLETED"));
        Api.post(UUID.randomUUID(), "contact.deleted",
                "{\"contactId\":\"" + contactId + "\",\"deletedAt\":\"2026-12-01T11:00:00Z\"}");
        Mailbox.sleep(5000); // past the 3 s window and a flush
        assertTrue(Api.rows(contactId).isEmpty());
    }

    static String document(UUID contactId, String status) {
        return """
                {"documentId":"%s","contactId":"%s","filename":"<evil>.pdf","documentType":"invoice","tags":[],
                 "contentType":"application/pdf","fileExtension":"pdf","sizeBytes":10,"sha256":"00",
                 "status":"%s","uploadedAt":"2026-12-01T10:00:00Z","processedAt":"2026-12-01T10:00:01Z",
                 "keywords":[],"entities":{"emails":[],"phones":[],"urls":[],"dates":[],"amounts":[]},"text":""}
                """.formatted(UUID.randomUUID(), contactId, status);
    }
}
