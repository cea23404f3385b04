package dev.intake.notification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.SesEmulatorTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** An erasure that meets a digest mail still queued: it is not sent, and the other contacts it listed are. */
@QuarkusTest
@TestProfile(AdminDigestQueuedErasureTest.NothingSent.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class AdminDigestQueuedErasureTest {

    /** The sender is off, so a queued digest stays PENDING for as long as the test needs. */
    public static class NothingSent implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.mail.admin-digest.threshold", "3", "intake.mail.admin-digest.window", "3S",
                    "intake.mail.sender.enabled", "false");
        }
    }

    @Inject
    Pool pool;

    @Test
    void theOthersOfAQueuedDigestAreListedAgainWithoutTheErasedContact() {
        String run = UUID.randomUUID().toString();
        UUID erased = UUID.randomUUID();
        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(submitted(UUID.randomUUID(), run + " filler " + i));
        }
        events.add(submitted(erased, run + " erased"));
        events.add(submitted(UUID.randomUUID(), run + " kept"));
        Api.postBatch(events);

        Row first = awaitDigest(run);
        assertTrue(first.getString("body_text").contains(run + " erased"));
        assertEquals("PENDING", first.getString("status"));

        Api.contactDeleted(erased);

        Row redacted = pool.preparedQuery("SELECT * FROM notification WHERE id = $1")
                .execute(Tuple.of(first.getUUID("id"))).await().indefinitely().iterator().next();
        assertEquals("FAILED", redacted.getString("status"));
        assertEquals("[redacted]", redacted.getString("subject"));
        assertEquals("", redacted.getString("body_text"));
        assertTrue(redacted.getString("last_error").startsWith("erased before it was sent"));

        Row again = awaitDigest(run);
        assertEquals("PENDING", again.getString("status"));
        assertEquals("Digest: 1 more new contact", again.getString("subject"));
        assertTrue(again.getString("body_text").contains(run + " kept"), again.getString("body_text"));
        assertFalse(again.getString("body_text").contains("erased"), again.getString("body_text"));
        assertFalse(again.getString("body_html").contains(erased.toString()), again.getString("body_html"));
    }

    private static String submitted(UUID contactId, String name) {
        return Api.envelope(UUID.randomUUID(), "contact.submitted",
                Api.contactSubmitted(contactId, name, "queued-" + contactId + "@example.net", null));
    }

    /** The digest row not erased yet that lists this run. */
    private Row awaitDigest(String run) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            var rows = pool.preparedQuery("""
                    SELECT * FROM notification WHERE template = 'contact-digest' AND erased_at IS NULL
                    AND position($1 IN body_text) > 0
                    """).execute(Tuple.of(run)).await().indefinitely();
            if (rows.size() > 0) {
                return rows.iterator().next();
            }
            Mailbox.sleep(200);
        }
        throw new AssertionError("no digest of " + run + " was queued");
    }
}
