package dev.intake.contact.repository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.contact.model.ContactStatus;
import dev.intake.contact.service.ContactForm;
import dev.intake.platform.event.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The SQL of a submission. Each write is one statement in autocommit: the contact, its
 * {@code contact.submitted} event with the deliveries ({@link Outbox.Entry}) and the visitor counter go
 * in together or not at all, in one round trip, with no transaction left open if the client goes away.
 */
@ApplicationScoped
public class ContactSubmissions {

    /** Parameters 1 to 13 of both inserts; the contact's id is $1. */
    private static final String CONTACT_COLUMNS = "id, name, email, message, company, service, budget, source, user_agent,"
            + " page_url, status, created_at, submitted_by_key";
    private static final String CONTACT_VALUES = "$1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13";
    private static final int CONTACT_PARAMETERS = 13;

    private static final String INSERT = """
            WITH contact AS (
                INSERT INTO contact_submission (%s)
                VALUES (%s)
            ),
            %s,
            visitors AS (SELECT nextval('visitor_count') AS value)
            SELECT value FROM visitors
            """.formatted(CONTACT_COLUMNS, CONTACT_VALUES, Outbox.Entry.ctes(CONTACT_PARAMETERS, null));

    /**
     * Claims the idempotency record ($14 key, $15 request hash, $16 window in milliseconds) for the new
     * contact: a fresh key is inserted, an expired one taken over. Everything else is inserted only with the
     * claim. A live record of the key (committed, or committed by a concurrent statement this one waits for)
     * is left as it is and nothing is inserted: the statement returns no row.
     */
    private static final String CLAIMED = "EXISTS (SELECT 1 FROM claim)";
    private static final String INSERT_CLAIMING = """
            WITH claim AS (
                INSERT INTO idempotency_record (record_key, request_hash, contact_id, created_at)
                VALUES ($14, $15, $1, now())
                ON CONFLICT (record_key) DO UPDATE
                    SET request_hash = EXCLUDED.request_hash, contact_id = EXCLUDED.contact_id,
                        created_at = EXCLUDED.created_at
                    WHERE idempotency_record.created_at <= now() - $16 * interval '1 millisecond'
                RETURNING record_key
            ),
            contact AS (
                INSERT INTO contact_submission (%s)
                SELECT %s WHERE %s
            ),
            %s,
            visitors AS (SELECT nextval('visitor_count') AS value WHERE %s)
            SELECT value FROM visitors
            """.formatted(CONTACT_COLUMNS, CONTACT_VALUES, CLAIMED, Outbox.Entry.ctes(CONTACT_PARAMETERS + 3, CLAIMED),
            CLAIMED);

    /** The visitor count now: the sequence's last number (none taken yet: 0). */
    private static final String VISITORS =
            "SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM visitor_count";

    private static final String LIVE_CLAIM = """
            SELECT r.request_hash, r.contact_id, c.created_at,
                   (%s) AS visitors
            FROM idempotency_record r JOIN contact_submission c ON c.id = r.contact_id
            WHERE r.record_key = $1 AND r.created_at > now() - $2 * interval '1 millisecond'
            """.formatted(VISITORS);


    /**
     * A new contact: its id and creation time are fixed by the caller (they are in the event too);
     * {@code submittedByKey} the old path's API key name, null otherwise.
     */
    public record NewContact(UUID id, Instant createdAt, ContactForm form, String submittedByKey) {
    }

    /** The live idempotency record of a key: which request created which contact. */
    public record Claim(String requestHash, UUID contactId, Instant createdAt, long visitorCount) {
    }

    private final Pool pool;

    public ContactSubmissions(Pool pool) {
        this.pool = pool;
    }

    /** Stores the contact, its event and deliveries and counts the visitor: one statement. Returns the count. */
    public Uni<Long> insert(NewContact contact, Outbox.Entry event) {
        Tuple args = event.addTo(contactValues(contact));
        return pool.preparedQuery(INSERT).execute(args).map(ContactSubmissions::visitors)
                .map(count -> count.orElseThrow(() -> new IllegalStateException("the visitor counter was not counted")));
    }

    /**
     * As {@link #insert}, but only if the idempotency key is free (or its record expired), claiming it for
     * this contact in the same statement; empty (and nothing stored) if a live record holds the key.
     */
    public Uni<Optional<Long>> insertClaiming(NewContact contact, Outbox.Entry event, String recordKey,
            String requestHash, Duration window) {
        Tuple args = contactValues(contact).addString(recordKey).addString(requestHash).addLong(window.toMillis());
        return pool.preparedQuery(INSERT_CLAIMING).execute(event.addTo(args)).map(ContactSubmissions::visitors);
    }

    /** The live record of the key, with its contact's creation time and the visitor count now. */
    public Uni<Optional<Claim>> liveClaim(String recordKey, Duration window) {
        return pool.preparedQuery(LIVE_CLAIM).execute(Tuple.of(recordKey, window.toMillis())).map(rows -> {
            if (!rows.iterator().hasNext()) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            return Optional.of(new Claim(row.getString("request_hash"), row.getUUID("contact_id"),
                    row.getOffsetDateTime("created_at").toInstant(), row.getLong("visitors")));
        });
    }

    /** Whether the contact was created through the old path by this API key within the window. */
    public Uni<Boolean> submittedRecentlyByKey(UUID contactId, String keyName, Duration window) {
        return pool.preparedQuery("""
                SELECT 1 FROM contact_submission
                WHERE id = $1 AND submitted_by_key = $2 AND created_at > now() - $3 * interval '1 millisecond'
                """).execute(Tuple.of(contactId, keyName, window.toMillis())).map(rows -> rows.iterator().hasNext());
    }

    public Uni<Long> visitorCount() {
        return pool.query(VISITORS).execute()
                .map(rows -> rows.iterator().next().getLong(0));
    }

    private static Tuple contactValues(NewContact contact) {
        ContactForm form = contact.form();
        return Tuple.tuple().addUUID(contact.id()).addString(form.name()).addString(form.email())
                .addString(form.message()).addString(form.company()).addString(form.service())
                .addString(form.budget()).addString(form.source()).addString(form.userAgent())
                .addString(form.pageUrl()).addString(ContactStatus.NEW.wire())
                .addOffsetDateTime(OffsetDateTime.ofInstant(contact.createdAt(), ZoneOffset.UTC))
                .addString(contact.submittedByKey());
    }

    private static Optional<Long> visitors(RowSet<Row> rows) {
        return rows.iterator().hasNext() ? Optional.of(rows.iterator().next().getLong("value")) : Optional.empty();
    }
}
