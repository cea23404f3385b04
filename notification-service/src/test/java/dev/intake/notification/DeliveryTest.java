package dev.intake.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import dev.intake.testsupport.ThrowawayServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The sender against SES going away and coming back, and the suppression list. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class DeliveryTest {

    @InjectServer(SesEmulatorTestResource.class)
    ThrowawayServer ses;

    @Test
    void mailsWaitWhileSesIsDownAndGoOutWhenItIsBack() {
        UUID contactId = UUID.randomUUID();
        ses.stop();
        try {
            Api.post(UUID.randomUUID(), "contact.submitted",
                    Api.contactSubmitted(contactId, "Outage " + contactId, "outage@example.net", null));
            Map<String, Object> waiting = Api.awaitRow(contactId, "contact-admin",
                    r -> ((Integer) r.get("attempts")) >= 2);
            assertEquals("PENDING", waiting.get("status"));
            String error = (String) waiting.get("lastError");
            assertNotNull(error);
            assertTrue(error.startsWith("ConnectException"), error);
            assertNotNull(waiting.get("nextAttemptAt"));
        } finally {
            ses.start();
        }
        Map<String, Object> sent = Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        assertTrue(((Integer) sent.get("attempts")) >= 3, sent.toString());
        Mailbox.await(m -> m.subject().contains(contactId.toString()), 1);
    }

    @Test
    void aSuppressedAddressIsNeverMailed() {
        UUID contactId = UUID.randomUUID();
        String address = "Bounced-" + contactId + "@Example.net";
        Api.admin().contentType("application/json").body("{\"reason\":\"bounce\"}")
                .put("/api/v1/notifications/suppressions/" + address).then().statusCode(200)
                .body("email", org.hamcrest.Matchers.equalTo(address.toLowerCase(java.util.Locale.ROOT)));

        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Suppressed " + contactId, address, null));

        Map<String, Object> confirmation = Api.awaitRow(contactId, "contact-confirmation", Api.status("SUPPRESSED"));
        assertEquals(1, confirmation.get("attempts"), "claimed once; SES is never asked (the mailbox shows it)");
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Mailbox.sleep(500);
        assertTrue(Mailbox.matching(m -> m.to().stream().anyMatch(t -> t.equalsIgnoreCase(address))).isEmpty());

        Api.admin().delete("/api/v1/notifications/suppressions/" + address).then().statusCode(204);
        Api.admin().delete("/api/v1/notifications/suppressions/" + address).then().statusCode(404);
    }

    @jakarta.inject.Inject
    io.vertx.mutiny.sqlclient.Pool pool;

    @Test
    void aMailWhoseSendersAllDiedEndsFailedAndIsNeverSent() {
        UUID contactId = UUID.randomUUID();
        ses.stop();
        try {
            Api.post(UUID.randomUUID(), "contact.submitted",
                    Api.contactSubmitted(contactId, "Crashing " + contactId, "crash@example.net", null));
            Api.awaitRow(contactId, "contact-admin", r -> ((Integer) r.get("attempts")) >= 1);
            // as after every allowed attempt was claimed by a replica that died holding it (the JVM killed mid-send)
            pool.preparedQuery("""
                    UPDATE notification SET attempts = 1000, claimed_until = now() - interval '1 second',
                           next_attempt_at = now() WHERE contact_id = $1 AND template = 'contact-admin'
                    """).executeAndAwait(io.vertx.mutiny.sqlclient.Tuple.of(contactId));
            Map<String, Object> failed = Api.awaitRow(contactId, "contact-admin", Api.status("FAILED"));
            assertTrue(((String) failed.get("lastError")).contains("gave up after 1000 attempts"), failed.toString());
            assertEquals(1001, failed.get("attempts"), "the last claim counted and ran nothing");
        } finally {
            ses.start();
        }
        Mailbox.sleep(1500);
        assertTrue(Mailbox.matching(m -> m.subject().contains(contactId.toString())
                && m.to().contains("admin@example.org")).isEmpty(), "the admin mail was never sent");
    }
}
