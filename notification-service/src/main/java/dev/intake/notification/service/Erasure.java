package dev.intake.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.intake.notification.model.Notification;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Erases what the delivery log holds about a contact: addresses, subject and bodies are redacted (the row
 * itself stays as a record that a mail existed), a mail not sent yet is never sent, and no digest lists it
 * (every {@link DigestKind} forgets it).
 */
@ApplicationScoped
public class Erasure {

    private static final String REDACT = """
            UPDATE notification
            SET recipients = ARRAY[:redacted], reply_to = NULL, subject = :redacted, body_text = '', body_html = '',
                erased_at = now(),
                status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                last_error = CASE WHEN status = 'PENDING' THEN 'erased before it was sent' ELSE last_error END
            WHERE contact_id = :contactId AND erased_at IS NULL
            """;

    private final List<DigestKind> digests;

    public Erasure(Instance<DigestKind> digests) {
        this.digests = digests.stream().toList();
    }

    /** In the caller's (inbox) transaction. */
    public Uni<Void> eraseContact(UUID contactId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(REDACT)
                .setParameter("redacted", Notification.REDACTED)
                .setParameter("contactId", contactId)
                .executeUpdate())
                .chain(() -> Multi.createFrom().iterable(digests)
                        .onItem().transformToUniAndConcatenate(digest -> digest.forget(contactId))
                        .collect().last());
    }
}
