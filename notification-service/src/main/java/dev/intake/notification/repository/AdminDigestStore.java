package dev.intake.notification.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.reactive.mutiny.Mutiny;

import dev.intake.notification.model.DigestedContact;
import dev.intake.notification.model.Notification;
import dev.intake.notification.model.Template;
import dev.intake.platform.id.Uuids;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The admin digest's SQL (V4): counting submissions into the open window, keeping entries and erasing them, in
 * the inbox transaction; locking, reading and closing due windows, in the flusher's.
 */
@ApplicationScoped
public class AdminDigestStore {

    private static final String HANDLED = """
            SELECT EXISTS (SELECT 1 FROM notification WHERE event_id = :eventId AND template = :template)
                OR EXISTS (SELECT 1 FROM admin_digest_entry WHERE event_id = :eventId)
            """;

    // The row lock taken here is held to the inbox commit: concurrent submissions count one after another.
    private static final String COUNT = """
            INSERT INTO admin_digest (id, submitted, due_at)
            VALUES (:id, 1, now() + :windowMillis * interval '1 millisecond')
            ON CONFLICT (singleton) DO UPDATE SET submitted = admin_digest.submitted + 1
            RETURNING id, submitted
            """;

    private static final String ADD = """
            INSERT INTO admin_digest_entry (event_id, digest_id, position, contact_id, name, email, company, first_line)
            VALUES (:eventId, :digestId, :position, :contactId, :name, :email, :company, :firstLine)
            ON CONFLICT (event_id) DO NOTHING
            """;

    // Waits rather than skips: the open window is locked by every inbox transaction counting into it, so a
    // skipping flusher could postpone it for as long as submissions keep coming. A second replica's flusher
    // waits behind the first and then finds the window gone.
    private static final String DUE = "SELECT id, opened_at FROM admin_digest WHERE due_at <= now() FOR UPDATE";

    private static final String ENTRIES = """
            SELECT contact_id, name, email, company, first_line, count(*) OVER () AS total
            FROM admin_digest_entry WHERE digest_id = $1 AND NOT queued AND name IS NOT NULL ORDER BY position LIMIT $2
            """;

    // The digest mail holds the listing from here on (and an erasure redacts it there).
    private static final String CLEAR_SENT = """
            UPDATE admin_digest_entry e SET name = NULL, email = NULL, company = NULL, first_line = NULL
            FROM notification n
            WHERE e.queued AND e.name IS NOT NULL AND n.event_id = e.digest_id AND n.template = $1
              AND n.status <> 'PENDING'
            """;

    private static final String ERASE = """
            UPDATE admin_digest_entry SET name = NULL, email = NULL, company = NULL, first_line = NULL
            WHERE contact_id = :contactId
            """;

    private static final String LISTING_DIGESTS = """
            SELECT DISTINCT digest_id FROM admin_digest_entry WHERE contact_id = :contactId AND queued
            """;

    private static final String PENDING_DIGESTS = """
            SELECT event_id FROM notification
            WHERE template = :template AND event_id IN (:digests) AND status = 'PENDING' FOR UPDATE
            """;

    private static final String REDACT_DIGESTS = """
            UPDATE notification
            SET recipients = ARRAY[:redacted], subject = :redacted, body_text = '', body_html = '', erased_at = now(),
                status = CASE WHEN status = 'PENDING' THEN 'FAILED' ELSE status END,
                last_error = CASE WHEN status = 'PENDING' THEN 'erased before it was sent; the other contacts'
                                  || ' it listed go into the next digest' ELSE last_error END
            WHERE template = :template AND event_id IN (:digests) AND erased_at IS NULL
            """;

    // An open window for entries sent back; they do not count towards its threshold.
    private static final String OPEN = """
            INSERT INTO admin_digest (id, submitted, due_at)
            VALUES (:id, 0, now() + :windowMillis * interval '1 millisecond')
            ON CONFLICT (singleton) DO UPDATE SET submitted = admin_digest.submitted
            RETURNING id
            """;

    /** A window's count after this submission, and the window's id. */
    public record Count(UUID digestId, int submitted) {
    }

    /** A due window, locked. */
    public record DueWindow(UUID id, OffsetDateTime openedAt) {
    }

    /** The first entries of a window, in arrival order, and how many it holds in all. */
    public record Entries(List<DigestedContact> listed, int total) {
    }

    /** Whether this event already has its admin mail queued or an entry (a replayed event). */
    public Uni<Boolean> handled(UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HANDLED, Boolean.class)
                .setParameter("eventId", eventId)
                .setParameter("template", Template.CONTACT_ADMIN.key())
                .getSingleResult());
    }

    /** Counts a submission into the open window, opening one of {@code window} if there is none. */
    public Uni<Count> count(Duration window) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT, Object[].class)
                .setParameter("id", Uuids.timeOrdered())
                .setParameter("windowMillis", window.toMillis())
                .getSingleResult())
                .map(row -> new Count((UUID) row[0], ((Number) row[1]).intValue()));
    }

    public Uni<Void> add(Count count, UUID eventId, DigestedContact contact) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD)
                .setParameter("eventId", eventId)
                .setParameter("digestId", count.digestId())
                .setParameter("position", count.submitted())
                .setParameter("contactId", contact.contactId())
                .setParameter("name", contact.name())
                .setParameter("email", contact.email())
                .setParameter("company", contact.company())
                .setParameter("firstLine", contact.firstLine())
                .executeUpdate())
                .replaceWithVoid();
    }

    /**
     * Erasure: clears a contact's entries (they stay, without the listing, so that a replayed event is still
     * recognised); a digest mail that listed the contact is redacted, and if it was not
     * sent yet, the other contacts it listed go back into the open window for the next digest. The open window
     * is locked first, in the order submissions and the flusher take their locks, so an erasure in the same
     * batch as a submission cannot deadlock with a flush.
     */
    public Uni<Void> forget(UUID contactId, Duration window) {
        return Panache.getSession().chain(session -> session
                .createNativeQuery("SELECT id FROM admin_digest FOR UPDATE", UUID.class).getResultList()
                .chain(() -> session.createNativeQuery(LISTING_DIGESTS, UUID.class)
                        .setParameter("contactId", contactId).getResultList())
                .call(() -> session.createNativeQuery(ERASE).setParameter("contactId", contactId).executeUpdate())
                .chain(digests -> digests.isEmpty() ? Uni.createFrom().voidItem()
                        : session.createNativeQuery(PENDING_DIGESTS, UUID.class)
                                .setParameter("template", Template.CONTACT_DIGEST.key())
                                .setParameter("digests", digests).getResultList()
                                .call(() -> session.createNativeQuery(REDACT_DIGESTS)
                                        .setParameter("redacted", Notification.REDACTED)
                                        .setParameter("template", Template.CONTACT_DIGEST.key())
                                        .setParameter("digests", digests).executeUpdate())
                                .chain(pending -> pending.isEmpty() ? Uni.createFrom().voidItem()
                                        : listAgain(session, pending, window))));
    }

    private static Uni<Void> listAgain(Mutiny.Session session, List<UUID> digests, Duration window) {
        return session.createNativeQuery(OPEN, UUID.class)
                .setParameter("id", Uuids.timeOrdered())
                .setParameter("windowMillis", window.toMillis())
                .getSingleResult()
                .chain(open -> session.createNativeQuery("""
                        UPDATE admin_digest_entry SET digest_id = :open, queued = false WHERE digest_id IN (:digests)
                        """).setParameter("open", open).setParameter("digests", digests).executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<DueWindow>> lockDue(SqlConnection connection) {
        return connection.preparedQuery(DUE).execute().map(rows -> {
            List<DueWindow> due = new ArrayList<>();
            rows.forEach(r -> due.add(new DueWindow(r.getUUID("id"), r.getOffsetDateTime("opened_at"))));
            return due;
        });
    }

    public Uni<Entries> entries(SqlConnection connection, UUID digestId, int limit) {
        return connection.preparedQuery(ENTRIES).execute(Tuple.of(digestId, limit)).map(rows -> {
            List<DigestedContact> listed = new ArrayList<>();
            long total = 0;
            for (Row r : rows) {
                listed.add(new DigestedContact(r.getUUID("contact_id"), r.getString("name"), r.getString("email"),
                        r.getString("company"), r.getString("first_line")));
                total = r.getLong("total");
            }
            return new Entries(listed, (int) total);
        });
    }

    /** Closes a window whose digest mail is queued; its entries stay, marked queued. */
    public Uni<Void> close(SqlConnection connection, UUID digestId) {
        return connection.preparedQuery("UPDATE admin_digest_entry SET queued = true WHERE digest_id = $1")
                .execute(Tuple.of(digestId))
                .chain(() -> connection.preparedQuery("DELETE FROM admin_digest WHERE id = $1")
                        .execute(Tuple.of(digestId)))
                .replaceWithVoid();
    }

    /** Clears the listing of entries whose digest mail has left the queue. */
    public Uni<Void> clearSent(SqlConnection connection) {
        return connection.preparedQuery(CLEAR_SENT).execute(Tuple.of(Template.CONTACT_DIGEST.key())).replaceWithVoid();
    }
}
