package dev.intake.contact.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.contact.config.ContactConfig;
import dev.intake.contact.model.Contact;
import dev.intake.contact.model.ContactStatus;
import dev.intake.contact.model.IdempotencyRecord;
import dev.intake.platform.event.Outbox;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Stores a submission, counts it and records {@code contact.submitted} in one transaction; replays the
 * first answer for a repeated Idempotency-Key with the same request.
 */
@ApplicationScoped
public class ContactIntake {

    public record Submission(Contact contact, long visitorCount, boolean replayed) {
    }

    private final Outbox outbox;
    private final ObjectMapper json;
    private final ContactConfig config;

    public ContactIntake(Outbox outbox, ObjectMapper json, ContactConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /** {@code client} scopes the idempotency key (the API key's name); the key may be null. */
    @WithTransaction
    public Uni<Submission> submit(ContactForm form, String client, String idempotencyKey) {
        if (idempotencyKey == null) {
            return create(form);
        }
        String recordKey = client + ":" + idempotencyKey;
        String requestHash = hash(form);
        return IdempotencyRecord.<IdempotencyRecord>findById(recordKey).chain(existing -> {
            Instant oldest = Instant.now().minus(config.idempotencyWindow());
            if (existing != null && existing.createdAt.isAfter(oldest)) {
                if (!existing.requestHash.equals(requestHash)) {
                    return Uni.createFrom().failure(new ProblemException(422, "Idempotency key reused",
                            "This Idempotency-Key was used for a different request."));
                }
                return Contact.<Contact>findById(existing.contactId).chain(contact -> visitorCount()
                        .map(count -> new Submission(contact, count, true)));
            }
            Uni<Void> clearExpired = existing == null ? Uni.createFrom().voidItem() : existing.delete().chain(() -> Panache.flush());
            return clearExpired.chain(() -> create(form)).call(submission -> {
                IdempotencyRecord record = new IdempotencyRecord();
                record.recordKey = recordKey;
                record.requestHash = requestHash;
                record.contactId = submission.contact().id;
                record.createdAt = Instant.now();
                return record.persist();
            });
        });
    }

    private Uni<Submission> create(ContactForm form) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID();
        contact.name = form.name();
        contact.email = form.email();
        contact.message = form.message();
        contact.company = form.company();
        contact.service = form.service();
        contact.budget = form.budget();
        contact.source = form.source();
        contact.userAgent = form.userAgent();
        contact.pageUrl = form.pageUrl();
        contact.status = ContactStatus.NEW.wire();
        contact.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return contact.<Contact>persist()
                .call(() -> outbox.publish("contact", contact.id.toString(), "contact.submitted", 1,
                        new ContactSubmitted(contact.id, contact.createdAt, contact.name, contact.email, contact.company,
                                contact.service, contact.budget, contact.source, contact.message, contact.userAgent,
                                contact.pageUrl)))
                .chain(() -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "UPDATE counter SET value = value + 1 WHERE name = 'visitor_count' RETURNING value", Long.class)
                        .getSingleResult()))
                .map(count -> new Submission(contact, count, false));
    }

    @io.quarkus.hibernate.reactive.panache.common.WithSession
    public Uni<Long> visitorCountInSession() {
        return visitorCount();
    }

    public Uni<Long> visitorCount() {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT value FROM counter WHERE name = 'visitor_count'", Long.class).getSingleResult());
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
