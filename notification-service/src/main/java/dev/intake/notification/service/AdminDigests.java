package dev.intake.notification.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.config.MailConfig;
import dev.intake.notification.event.ContactSubmitted;
import dev.intake.notification.model.DigestedContact;
import dev.intake.notification.model.Template;
import dev.intake.notification.repository.AdminDigestStore;
import dev.intake.platform.event.EventEnvelope;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * The administrators' digest of busy minutes ({@code intake.mail.admin-digest}). The first submission opens
 * a window of {@code window}; the first {@code threshold} submissions of a window are mailed one by one as
 * always, the later ones wait in the window and, when it is due, the flusher sends them as one digest.
 * With the threshold at 0 (the default) nothing is counted and every submission gets its own mail.
 */
@ApplicationScoped
public class AdminDigests implements DigestKind {

    /** A digest lists at most this many submissions, so it stays far below SES's message size; it counts the rest. */
    static final int MAX_LISTED = 1000;

    private static final int MAX_FIRST_LINE = 200;

    private final MailConfig.AdminDigest config;
    private final AdminDigestStore store;
    private final MailComposer composer;

    public AdminDigests(MailConfig config, AdminDigestStore store, MailComposer composer) {
        this.config = config.adminDigest();
        this.store = store;
        this.composer = composer;
    }

    /**
     * In the caller's (inbox) transaction: whether the digest takes this submission's admin mail. False means
     * the caller queues the mail on its own; true that it waits in the window, or that a replay of this event
     * already did (its mail was queued or it waits), so nothing more is to be done.
     */
    public Uni<Boolean> collect(EventEnvelope event, ContactSubmitted contact) {
        if (config.threshold() <= 0) {
            return Uni.createFrom().item(false);
        }
        return store.handled(event.eventId()).chain(handled -> handled ? Uni.createFrom().item(true)
                : store.count(config.window()).chain(count -> {
                    if (count.submitted() <= config.threshold()) {
                        return Uni.createFrom().item(false);
                    }
                    return store.add(count, event.eventId(), new DigestedContact(contact.contactId(), contact.name(),
                            contact.email(), contact.company(), firstLine(contact.message()))).replaceWith(true);
                }));
    }

    @Override
    public Uni<Void> forget(UUID contactId) {
        return store.forget(contactId, config.window());
    }

    @Override
    public Uni<List<DueDigest>> lockDue(SqlConnection connection) {
        return store.lockDue(connection).chain(windows -> Multi.createFrom().iterable(windows)
                .onItem().transformToUniAndConcatenate(window -> store.entries(connection, window.id(), MAX_LISTED)
                        .map(entries -> new DueDigest(window.id(), Template.CONTACT_DIGEST, null,
                                entries.listed().isEmpty() ? null
                                        : composer.contactDigest(entries.listed(), entries.total(), window.openedAt()))))
                .collect().asList())
                .call(() -> store.clearSent(connection));
    }

    @Override
    public Uni<Void> close(SqlConnection connection, DueDigest digest) {
        return store.close(connection, digest.windowId());
    }

    /** The message's first non-blank line, bounded. */
    static String firstLine(String message) {
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > MAX_FIRST_LINE ? line.substring(0, MAX_FIRST_LINE - 1) + "…" : line;
    }
}
