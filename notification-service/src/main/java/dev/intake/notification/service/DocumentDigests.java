package dev.intake.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.id.Uuids;
import dev.intake.notification.config.MailConfig;
import dev.intake.notification.model.Template;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Per-contact digests of processed documents, at most one mail per contact per window. The first
 * {@code document.processed} of a contact opens a window of {@code intake.mail.digest.window}; documents
 * arriving while it is open are counted into it; when it is due, the flusher turns it into one delivery
 * log row and closes it, and the next document opens a new window. A batch upload thus gives one mail.
 */
@ApplicationScoped
public class DocumentDigests implements DigestKind {

    private static final String COUNT = """
            INSERT INTO document_digest (contact_id, id, processed, failed, due_at)
            VALUES (:contactId, :id, 1, :failed, now() + :windowMillis * interval '1 millisecond')
            ON CONFLICT (contact_id) DO UPDATE
            SET processed = document_digest.processed + 1, failed = document_digest.failed + EXCLUDED.failed
            """;

    private static final String DUE = """
            SELECT contact_id, id, processed, failed, opened_at FROM document_digest
            WHERE due_at <= now() ORDER BY due_at LIMIT 50 FOR UPDATE SKIP LOCKED
            """;

    private final MailConfig config;
    private final MailComposer composer;

    public DocumentDigests(MailConfig config, MailComposer composer) {
        this.config = config;
        this.composer = composer;
    }

    /** Counts one processed document into its contact's window, in the caller's (inbox) transaction. */
    public Uni<Void> count(UUID contactId, boolean failed) {
        if (!config.digest().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT)
                .setParameter("contactId", contactId)
                .setParameter("id", Uuids.timeOrdered())
                .setParameter("failed", failed ? 1 : 0)
                .setParameter("windowMillis", config.digest().window().toMillis())
                .executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<Void> forget(UUID contactId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM document_digest WHERE contact_id = :contactId")
                .setParameter("contactId", contactId).executeUpdate())
                .replaceWithVoid();
    }

    @Override
    public Uni<List<DueDigest>> lockDue(SqlConnection connection) {
        return connection.preparedQuery(DUE).execute().map(rows -> {
            List<DueDigest> due = new ArrayList<>();
            rows.forEach(row -> {
                UUID contactId = row.getUUID("contact_id");
                due.add(new DueDigest(row.getUUID("id"), Template.DOCUMENT_DIGEST, contactId,
                        composer.documentDigest(contactId, row.getInteger("processed"), row.getInteger("failed"),
                                row.getOffsetDateTime("opened_at"))));
            });
            return due;
        });
    }

    @Override
    public Uni<Void> close(SqlConnection connection, DueDigest digest) {
        return connection.preparedQuery("DELETE FROM document_digest WHERE contact_id = $1")
                .execute(Tuple.of(digest.contactId())).replaceWithVoid();
    }
}
