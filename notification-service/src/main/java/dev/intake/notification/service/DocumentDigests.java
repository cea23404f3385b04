package dev.intake.notification.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.intake.platform.id.Uuids;
import dev.intake.notification.config.MailConfig;
import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Template;
import dev.intake.notification.repository.NotificationStore;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Per-contact digests of processed documents, at most one mail per contact per window. The first
 * {@code document.processed} of a contact opens a window of {@code intake.mail.digest.window}; documents
 * arriving while it is open are counted into it; when it is due, the flusher turns it into one delivery
 * log row and closes it, and the next document opens a new window. A batch upload thus gives one mail.
 */
@ApplicationScoped
public class DocumentDigests {

    private static final Logger LOG = Logger.getLogger(DocumentDigests.class);

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
    private final NotificationStore store;
    private final Pool pool;

    public DocumentDigests(MailConfig config, MailComposer composer, NotificationStore store, Pool pool) {
        this.config = config;
        this.composer = composer;
        this.store = store;
        this.pool = pool;
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

    /** Forgets a contact's open window (erasure). */
    public Uni<Void> forget(UUID contactId) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("DELETE FROM document_digest WHERE contact_id = :contactId")
                .setParameter("contactId", contactId).executeUpdate())
                .replaceWithVoid();
    }

    @Scheduled(every = "${intake.mail.digest.flush-interval:30S}", delayed = "1S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushDue() {
        return flush().onFailure().invoke(e -> LOG.warnf(e, "Digest flush failed")).onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    /**
     * Turns due windows into delivery log rows, in one transaction with their deletion; the window's id is
     * the row's event id, so a flush repeated after a crash cannot queue a second mail. Returns how many.
     */
    public Uni<Integer> flush() {
        return pool.withTransaction(connection -> connection.preparedQuery(DUE).execute()
                .chain(rows -> {
                    List<Row> due = new ArrayList<>();
                    rows.forEach(due::add);
                    if (due.isEmpty()) {
                        return Uni.createFrom().item(0);
                    }
                    return Multi.createFrom().iterable(due)
                            .onItem().transformToUniAndConcatenate(row -> queue(connection, row))
                            .collect().asList().replaceWith(due.size());
                }));
    }

    private Uni<Void> queue(SqlConnection connection, Row row) {
        UUID contactId = row.getUUID("contact_id");
        MailMessage mail = composer.documentDigest(contactId, row.getInteger("processed"), row.getInteger("failed"),
                row.getOffsetDateTime("opened_at"));
        return store.insert(connection, row.getUUID("id"), Template.DOCUMENT_DIGEST, contactId, mail)
                .chain(() -> connection.preparedQuery("DELETE FROM document_digest WHERE contact_id = $1")
                        .execute(Tuple.of(contactId)))
                .replaceWithVoid();
    }

}
