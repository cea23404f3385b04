package dev.intake.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** The admin digest with a threshold of 3 per window: the fourth submission on waits for one digest mail. */
@QuarkusTest
@TestProfile(AdminDigestTest.ThresholdThree.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class AdminDigestTest {

    public static class ThresholdThree implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.mail.admin-digest.threshold", "3", "intake.mail.admin-digest.window", "5S");
        }
    }

    @Inject
    Pool pool;

    /** Every test starts with no window open: the window is global, so one test's would count another's. */
    @BeforeEach
    void noWindowOpen() {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (openWindows() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("a digest window stayed open");
            }
            Mailbox.sleep(200);
        }
    }

    @Test
    void tenSubmissionsInAWindowGiveThreeMailsAndOneDigestOfTheOtherSeven() {
        String run = UUID.randomUUID().toString();
        List<UUID> contacts = new ArrayList<>();
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            UUID contactId = UUID.randomUUID();
            contacts.add(contactId);
            events.add(submitted(contactId, name(run, i), "Line " + i + " of " + run + "\nsecond line"));
        }
        assertEquals(java.util.Collections.nCopies(10, "applied"), Api.postBatch(events));

        Mailbox.Mail digest = awaitDigest(run);
        assertEquals("Digest: 7 more new contacts", digest.subject());
        assertEquals(List.of("admin@example.org", "ops@example.org"), digest.to());
        for (int i = 1; i <= 10; i++) {
            int expected = i <= 3 ? 0 : 1;
            assertEquals(expected, occurrences(digest.text(), name(run, i)), digest.text());
            assertEquals(expected, occurrences(digest.html(), name(run, i)), digest.html());
            assertEquals(expected, occurrences(digest.text(), "Line " + i + " of " + run), digest.text());
        }
        assertFalse(digest.text().contains("second line"), "only the first line of a message");
        String link = "https://intake.example.org/admin/contacts/" + contacts.get(3);
        assertTrue(digest.html().contains("<a href=\"" + link + "\">"), digest.html());
        assertTrue(digest.text().contains(link), digest.text());
        assertTrue(digest.text().contains(name(run, 4) + " <" + email(contacts.get(3)) + ">, ACME & Sons"),
                digest.text());
        assertTrue(digest.html().contains("ACME &amp; Sons"), digest.html());

        List<Mailbox.Mail> singles = Mailbox.await(m -> m.subject().startsWith("New contact: " + run), 3);
        for (int i = 0; i < 10; i++) {
            boolean single = i < 3;
            assertEquals(single ? 1 : 0, Api.rows(contacts.get(i)).stream()
                    .filter(r -> "contact-admin".equals(r.get("template"))).count(), "contact " + (i + 1));
        }
        Map<String, Object> row = awaitDigestRow(digest);
        assertEquals(1, row.get("attempts"));
        assertEquals(List.of("admin@example.org", "ops@example.org"), row.get("recipients"));

        Mailbox.sleep(1500); // a later flush sends nothing more
        assertEquals(3, Mailbox.matching(m -> m.subject().startsWith("New contact: " + run)).size());
        assertEquals(1, Mailbox.matching(m -> isDigestOf(m, run)).size());
        assertEquals(3, singles.size());
    }

    @Test
    void concurrentDeliveriesAreCountedExactly() throws Exception {
        String run = UUID.randomUUID().toString();
        List<Callable<String>> posts = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            String payload = Api.contactSubmitted(UUID.randomUUID(), name(run, i), "digest" + run + "@example.net", null);
            posts.add(() -> Api.post(UUID.randomUUID(), "contact.submitted", payload));
        }
        ExecutorService threads = Executors.newFixedThreadPool(5);
        try {
            for (Future<String> answer : threads.invokeAll(posts)) {
                assertEquals("applied", answer.get());
            }
        } finally {
            threads.shutdown();
        }

        Mailbox.Mail digest = awaitDigest(run);
        assertEquals("Digest: 7 more new contacts", digest.subject());
        List<Mailbox.Mail> singles = Mailbox.await(m -> m.subject().startsWith("New contact: " + run), 3);
        assertEquals(3, singles.size());
        for (int i = 1; i <= 10; i++) {
            String name = name(run, i);
            boolean alone = singles.stream().anyMatch(m -> m.subject().equals("New contact: " + name));
            assertEquals(alone ? 0 : 1, occurrences(digest.text(), name), name + " in " + digest.text());
        }
    }

    @Test
    void aRedeliveredEventIsListedOnce() {
        String run = UUID.randomUUID().toString();
        List<String> events = fillers(run);
        UUID eventId = UUID.randomUUID();
        String payload = Api.contactSubmitted(UUID.randomUUID(), name(run, 4), "digest" + run + "@example.net", null);
        events.add(Api.envelope(eventId, "contact.submitted", payload));
        Api.postBatch(events);

        assertEquals("duplicate", Api.post(eventId, "contact.submitted", payload));
        // a replay after the inbox forgot the event: the window's entry still recognises it
        pool.preparedQuery("DELETE FROM inbox_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely();
        assertEquals("applied", Api.post(eventId, "contact.submitted", payload));

        Mailbox.Mail digest = awaitDigest(run);
        assertEquals("Digest: 1 more new contact", digest.subject());
        assertEquals(1, occurrences(digest.text(), name(run, 4)), digest.text());

        // and once more after the digest went out: its entry still recognises the event
        pool.preparedQuery("DELETE FROM inbox_event WHERE event_id = $1").execute(Tuple.of(eventId))
                .await().indefinitely();
        assertEquals("applied", Api.post(eventId, "contact.submitted", payload));
        assertEquals(0L, openWindows(), "a replay is not counted");
        Mailbox.sleep(1500);
        assertEquals(1, Mailbox.matching(m -> m.to().contains("admin@example.org") && m.mentions(name(run, 4)))
                .size(), "the digest only");
    }

    @Test
    void anErasedContactIsLeftOutOfTheDigest() {
        String run = UUID.randomUUID().toString();
        List<String> events = fillers(run);
        UUID erased = UUID.randomUUID();
        events.add(submitted(erased, "Erased " + run, "Message of the erased one"));
        events.add(submitted(UUID.randomUUID(), name(run, 5), "Message of the kept one"));
        Api.postBatch(events);

        assertEquals("applied", Api.contactDeleted(erased));

        Mailbox.Mail digest = awaitDigest(run);
        assertEquals("Digest: 1 more new contact", digest.subject());
        assertTrue(digest.text().contains(name(run, 5)), digest.text());
        for (String body : List.of(digest.text(), digest.html())) {
            assertFalse(body.contains("Erased " + run), body);
            assertFalse(body.contains("erased one"), body);
            assertFalse(body.contains(erased.toString()), body);
        }
        assertTrue(Api.rows(erased).stream().noneMatch(r -> "contact-admin".equals(r.get("template"))),
                "no admin mail of the erased contact");
    }

    @Test
    void erasingAContactAfterItsDigestWasSentRedactsTheDigestInTheLog() {
        String run = UUID.randomUUID().toString();
        UUID erased = fillersAndOne(run, "Soon erased");
        Mailbox.Mail digest = awaitDigest(run);
        Map<String, Object> row = awaitDigestRow(digest);

        Api.contactDeleted(erased);

        Api.admin().get("/api/v1/notifications/" + row.get("id")).then().statusCode(200)
                .body("subject", org.hamcrest.Matchers.equalTo("[redacted]"))
                .body("status", org.hamcrest.Matchers.equalTo("SENT"))
                .body("erasedAt", org.hamcrest.Matchers.notNullValue());
        String body = pool.preparedQuery("SELECT body_text FROM notification WHERE id = $1")
                .execute(Tuple.of(UUID.fromString((String) row.get("id")))).await().indefinitely()
                .iterator().next().getString("body_text");
        assertEquals("", body);
    }

    @Test
    void aDigestWhoseEntriesWereAllErasedSendsNothing() {
        String run = UUID.randomUUID().toString();
        Api.contactDeleted(fillersAndOne(run, "Gone"));

        noWindowOpen();
        Mailbox.sleep(1500);
        assertTrue(Mailbox.matching(m -> m.mentions(run) && m.subject().startsWith("Digest")).isEmpty());
        assertEquals(3, Mailbox.matching(m -> m.subject().startsWith("New contact: " + run)).size());
    }

    @Test
    void aHostileNameIsEscapedInTheDigestHtmlAndKeptVerbatimInItsText() {
        String run = UUID.randomUUID().toString();
        List<String> events = fillers(run);
        String name = "<script>alert(1)</script> \"Eve\" " + run;
        events.add(Api.envelope(UUID.randomUUID(), "contact.submitted", Api.contactSubmitted(UUID.randomUUID(), name,
                "eve@example.net", null, "<b>Evil</b> & Co", "<img src=x onerror=alert(1)> hi\nmore")));
        Api.postBatch(events);

        Mailbox.Mail digest = awaitDigest(run);
        String html = digest.html();
        assertFalse(html.contains("<script>"), html);
        assertFalse(html.contains("<b>Evil"), html);
        assertFalse(html.contains("<img"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &quot;Eve&quot; " + run), html);
        assertTrue(html.contains("&lt;b&gt;Evil&lt;/b&gt; &amp; Co"), html);
        assertTrue(html.contains("&lt;img src=x onerror=alert(1)&gt; hi"), html);
        assertTrue(digest.text().contains(name + " <eve@example.net>, <b>Evil</b> & Co"), digest.text());
    }

    private long openWindows() {
        return pool.query("SELECT count(*) AS n FROM admin_digest").execute().await().indefinitely()
                .iterator().next().getLong("n");
    }

    /** Three submissions that fill the window's single mails. */
    private static List<String> fillers(String run) {
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(submitted(UUID.randomUUID(), name(run, i), "Filler " + i));
        }
        return events;
    }

    /** The fillers and a fourth submission, the one the digest takes; returns its contact. */
    private static UUID fillersAndOne(String run, String message) {
        List<String> events = fillers(run);
        UUID contactId = UUID.randomUUID();
        events.add(submitted(contactId, name(run, 4), message));
        Api.postBatch(events);
        return contactId;
    }

    private static String submitted(UUID contactId, String name, String message) {
        return Api.envelope(UUID.randomUUID(), "contact.submitted", Api.contactSubmitted(contactId, name,
                email(contactId), null, "ACME & Sons", message));
    }

    private static String email(UUID contactId) {
        return "digest-" + contactId + "@example.net";
    }

    private static String name(String run, int i) {
        return run + " #" + String.format("%02d", i);
    }

    private static Mailbox.Mail awaitDigest(String run) {
        return Mailbox.await(m -> isDigestOf(m, run), 1).get(0);
    }

    private static boolean isDigestOf(Mailbox.Mail mail, String run) {
        return mail.subject().startsWith("Digest: ") && mail.text() != null && mail.text().contains(run);
    }

    /** The digest's delivery log row, once the sender has recorded it SENT. */
    private static Map<String, Object> awaitDigestRow(Mailbox.Mail digest) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> items = Api.admin().queryParam("template", "contact-digest")
                    .queryParam("status", "SENT").queryParam("size", 100).get("/api/v1/notifications")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            var row = items.stream().filter(r -> digest.messageId().equals(r.get("sesMessageId"))).findFirst();
            if (row.isPresent()) {
                return row.get();
            }
            Mailbox.sleep(100);
        }
        throw new AssertionError("the digest's row was never SENT");
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
