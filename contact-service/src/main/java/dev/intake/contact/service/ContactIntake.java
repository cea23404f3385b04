package dev.intake.contact.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.id.Uuids;
import dev.intake.contact.config.ContactConfig;
import dev.intake.contact.repository.ContactSubmissions;
import dev.intake.platform.event.Outbox;
import dev.intake.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Stores a submission, counts it and records {@code contact.submitted}: one SQL statement, atomic on its
 * own (no transaction, no Hibernate session). With an Idempotency-Key the same statement claims the key
 * first; a key already held replays the first answer for the same request.
 */
@ApplicationScoped
public class ContactIntake {

    /** How often a key is claimed again when its record vanished between claim and read (expiry, erasure). */
    private static final int CLAIM_ATTEMPTS = 3;

    public record Submission(UUID contactId, Instant createdAt, long visitorCount, boolean replayed) {
    }

    private final ContactSubmissions submissions;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final ContactConfig config;

    public ContactIntake(ContactSubmissions submissions, Outbox outbox, ObjectMapper json, ContactConfig config) {
        this.submissions = submissions;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /**
     * {@code client} scopes the idempotency key (the API key's name); the key may be null. {@code bindToKey}:
     * the old path, whose answer has no upload token, so the contact remembers the key that created it.
     */
    public Uni<Submission> submit(ContactForm form, String client, String idempotencyKey, boolean bindToKey) {
        ContactSubmissions.NewContact contact = new ContactSubmissions.NewContact(Uuids.timeOrdered(),
                Instant.now().truncatedTo(ChronoUnit.MICROS), form, bindToKey ? client : null);
        Outbox.Entry event;
        try {
            event = outbox.entry("contact", contact.id().toString(), "contact.submitted", 1, new ContactSubmitted(
                    contact.id(), contact.createdAt(), form.name(), form.email(), form.company(), form.service(),
                    form.budget(), form.source(), form.message(), form.userAgent(), form.pageUrl()));
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        if (idempotencyKey == null) {
            return submissions.insert(contact, event).invoke(outbox::committed).map(count -> created(contact, count));
        }
        return claimOrReplay(contact, event, client + ":" + idempotencyKey, hash(form), CLAIM_ATTEMPTS);
    }

    private Uni<Submission> claimOrReplay(ContactSubmissions.NewContact contact, Outbox.Entry event, String recordKey,
            String requestHash, int attempts) {
        Duration window = config.idempotencyWindow();
        return submissions.insertClaiming(contact, event, recordKey, requestHash, window).chain(count -> {
            if (count.isPresent()) {
                outbox.committed();
                return Uni.createFrom().item(created(contact, count.get()));
            }
            return submissions.liveClaim(recordKey, window).chain(claim -> {
                if (claim.isEmpty()) {
                    // held when claimed, gone when read (expired or its contact erased in between): claim again
                    return attempts > 1 ? claimOrReplay(contact, event, recordKey, requestHash, attempts - 1)
                            : Uni.createFrom().failure(new IllegalStateException(
                                    "idempotency record neither claimable nor readable"));
                }
                if (!claim.get().requestHash().equals(requestHash)) {
                    return Uni.createFrom().failure(new ProblemException(422, "Idempotency key reused",
                            "This Idempotency-Key was used for a different request."));
                }
                return Uni.createFrom().item(new Submission(claim.get().contactId(), claim.get().createdAt(),
                        claim.get().visitorCount(), true));
            });
        });
    }

    private static Submission created(ContactSubmissions.NewContact contact, long visitorCount) {
        return new Submission(contact.id(), contact.createdAt(), visitorCount, false);
    }

    public Uni<Long> visitorCount() {
        return submissions.visitorCount();
    }

    private String hash(ContactForm form) {
        try {
            byte[] canonical = json.writeValueAsBytes(form);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
