package dev.intake.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** contact.submitted end to end: event in, mail out of the real SES emulator. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class ContactMailTest {

    @Inject
    Pool pool;

    @Test
    void theAdministratorsGetOneMailWithReplyToTheSubmitter() {
        UUID contactId = UUID.randomUUID();
        String name = "Ada Lovelace " + contactId;
        Api.post(UUID.randomUUID(), "contact.submitted", Api.contactSubmitted(contactId, name, "ada@example.net",
                "Document review"));

        Mailbox.Mail mail = Mailbox.await(m -> m.subject().contains(name), 1).get(0);
        assertEquals("intake@example.org", mail.from());
        assertEquals(List.of("admin@example.org", "ops@example.org"), mail.to());
        assertEquals(List.of("ada@example.net"), mail.replyTo());
        assertEquals("New contact: " + name + " (Document review)", mail.subject());
        String link = "https://intake.example.org/admin/contacts/" + contactId;
        assertTrue(mail.text().contains("New contact from " + name + " <ada@example.net>"), mail.text());
        assertTrue(mail.text().contains("Company: ACME & Sons"), mail.text());
        assertTrue(mail.text().contains("Hello,\nplease call me back."), mail.text());
        assertTrue(mail.text().contains(link), mail.text());
        assertTrue(mail.html().contains("<a href=\"" + link + "\">"), mail.html());
        assertTrue(mail.html().contains("ACME &amp; Sons"), mail.html());

        Map<String, Object> row = Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        assertEquals(1, row.get("attempts"));
        assertEquals(List.of("admin@example.org", "ops@example.org"), row.get("recipients"));
        assertEquals("ada@example.net", row.get("replyTo"));
        assertEquals(mail.messageId(), row.get("sesMessageId"));
        assertEquals("notification-test", row.get("correlationId"));
        assertNull(row.get("lastError"));
    }

    @Test
    void aHostileNameIsEscapedInHtmlAndKeptVerbatimInText() {
        UUID contactId = UUID.randomUUID();
        String name = "<script>alert(1)</script> \"Eve\" " + contactId;
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, name, "eve@example.net", "<b>bold</b>"));

        Mailbox.Mail mail = Mailbox.await(m -> m.subject().contains(contactId.toString())
                && m.to().contains("admin@example.org"), 1).get(0);
        assertFalse(mail.html().contains("<script>"), mail.html());
        assertFalse(mail.html().contains("<b>bold"), mail.html());
        assertTrue(mail.html().contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Eve&quot;"), mail.html());
        assertTrue(mail.html().contains("&lt;b&gt;bold&lt;/b&gt;"), mail.html());
        assertTrue(mail.text().contains(name), mail.text());
        assertEquals("New contact: " + name + " (<b>bold</b>)", mail.subject());
    }

    @Test
    void withTheAdminDigestOffEverySubmissionGetsItsOwnMail() {
        String run = UUID.randomUUID().toString();
        List<String> events = new java.util.ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            events.add(Api.envelope(UUID.randomUUID(), "contact.submitted",
                    Api.contactSubmitted(UUID.randomUUID(), run + " #" + i, "busy@example.net", null)));
        }
        Api.postBatch(events);

        assertEquals(10, Mailbox.await(m -> m.subject().startsWith("New contact: " + run), 10).size());
        assertEquals(0L, pool.query("SELECT count(*) AS n FROM admin_digest").execute().await().indefinitely()
                .iterator().next().getLong("n"), "nothing is counted while the threshold is 0");
        Mailbox.sleep(1000);
        assertTrue(Mailbox.matching(m -> m.subject().startsWith("Digest") && m.mentions(run)).isEmpty());
    }

    @Test
    void theSubmitterGetsAConfirmationWhenEnabled() {
        UUID contactId = UUID.randomUUID();
        String address = "grace-" + contactId + "@example.net";
        Api.post(UUID.randomUUID(), "contact.submitted", Api.contactSubmitted(contactId, "Grace", address, null));

        Mailbox.Mail mail = Mailbox.await(m -> m.to().contains(address), 1).get(0);
        assertEquals("We received your message", mail.subject());
        assertEquals("intake@example.org", mail.from());
        assertTrue(mail.text().startsWith("Hello Grace,"), mail.text());
        assertTrue(mail.html().contains("please call me back."), mail.html());
        Api.awaitRow(contactId, "contact-confirmation", Api.status("SENT"));
        assertEquals("New contact: Grace", Api.awaitRow(contactId, "contact-admin", Api.status("SENT")).get("subject"));
    }

    @Test
    void theSameEventDeliveredTwiceMailsOnce() {
        UUID contactId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = Api.contactSubmitted(contactId, "Twice " + contactId, "twice@example.net", null);

        assertEquals("applied", Api.post(eventId, "contact.submitted", payload));
        assertEquals("duplicate", Api.post(eventId, "contact.submitted", payload));

        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Mailbox.sleep(1000);
        assertEquals(1, Mailbox.matching(m -> m.subject().contains(contactId.toString())).size());
        assertEquals(2, Api.rows(contactId).size(), "one admin mail and one confirmation");
    }

    @Test
    void theSameEventDeliveredConcurrentlyMailsOnce() throws Exception {
        UUID contactId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = Api.contactSubmitted(contactId, "Racing " + contactId, "racing@example.net", null);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<String>> answers = pool.invokeAll(java.util.Collections.nCopies(4,
                    () -> Api.post(eventId, "contact.submitted", payload)));
            long applied = 0;
            for (var answer : answers) {
                applied += "applied".equals(answer.get()) ? 1 : 0;
            }
            assertEquals(1, applied);
        } finally {
            pool.shutdown();
        }
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));
        Mailbox.sleep(1000);
        assertEquals(1, Mailbox.matching(m -> m.subject().contains(contactId.toString())).size());
        assertEquals(2, Api.rows(contactId).size());
    }

    @Test
    void aReplayAfterTheInboxForgotTheEventStillMailsOnce() {
        UUID contactId = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        String payload = Api.contactSubmitted(contactId, "Replay " + contactId, "replay@example.net", null);
        assertEquals("applied", Api.post(eventId, "contact.submitted", payload));
        Api.awaitRow(contactId, "contact-admin", Api.status("SENT"));

        // the inbox prunes old event ids; the delivery log's (event, template) key must still hold
        pool.preparedQuery("DELETE FROM inbox_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely();
        assertEquals("applied", Api.post(eventId, "contact.submitted", payload));

        Mailbox.sleep(1000);
        assertEquals(1, Mailbox.matching(m -> m.subject().contains(contactId.toString())).size());
        assertEquals(2, Api.rows(contactId).size());
    }

    @Test
    void anInvalidSubmitterAddressFailsTheConfirmationAtOnceAndDropsTheReplyTo() {
        UUID contactId = UUID.randomUUID();
        Api.post(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, "Broken " + contactId, "not-an-address", null));

        Map<String, Object> confirmation = Api.awaitRow(contactId, "contact-confirmation", Api.status("FAILED"));
        assertEquals("invalid recipient address", confirmation.get("lastError"));
        assertEquals(1, confirmation.get("attempts"), "claimed once, failed without asking SES");

        Mailbox.Mail admin = Mailbox.await(m -> m.subject().contains(contactId.toString()), 1).get(0);
        assertTrue(admin.replyTo().isEmpty(), admin.replyTo().toString());
        assertNull(Api.row(contactId, "contact-admin").get("replyTo"));
    }

    @Test
    void aPayloadWithoutRequiredFieldsIsRejectedSoTheProducerStops() {
        io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Service-Token", Api.CONTACT_TOKEN)
                .body(Api.envelope(UUID.randomUUID(), "contact.submitted", "{\"name\":\"x\"}"))
                .post("/internal/events").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("contactId"));
    }

    @Test
    void aLaterPayloadVersionIsRejectedRatherThanMisread() {
        io.restassured.RestAssured.given().contentType("application/json")
                .header("X-Service-Token", Api.CONTACT_TOKEN)
                .body(Api.envelope(UUID.randomUUID(), "contact.submitted",
                        Api.contactSubmitted(UUID.randomUUID(), "V2", "v2@example.net", null))
                        .replace("\"version\":1", "\"version\":2"))
                .post("/internal/events").then().statusCode(422)
                .body("errors.field", org.hamcrest.Matchers.hasItem("version"));
    }
}
