package dev.intake.notification.repository;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The sender's SQL on the delivery log, outside any event transaction. Claims lease rows with
 * {@code FOR UPDATE SKIP LOCKED}, so replicas send disjoint rows, and a replica that dies mid-send only
 * delays its rows until the lease ends.
 */
@ApplicationScoped
public class NotificationStore {

    private static final String CLAIM = """
            UPDATE notification n SET claimed_until = now() + $2 * interval '1 millisecond'
            FROM (
                SELECT id FROM notification
                WHERE status = 'PENDING' AND next_attempt_at <= now()
                  AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY next_attempt_at
                LIMIT $1
                FOR UPDATE SKIP LOCKED
            ) picked
            WHERE n.id = picked.id
            RETURNING n.id, n.template, n.recipients, n.reply_to, n.subject, n.body_text, n.body_html, n.attempts,
                      n.correlation_id
            """;

    private static final String INSERT = """
            INSERT INTO notification (id, event_id, template, contact_id, recipients, reply_to, subject, body_text, body_html)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (event_id, template) DO NOTHING
            """;

    private final Pool pool;

    public NotificationStore(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<ClaimedMail>> claim(int batchSize, Duration lease) {
        return pool.preparedQuery(CLAIM).execute(Tuple.of(batchSize, lease.toMillis())).map(rows -> {
            List<ClaimedMail> claimed = new ArrayList<>();
            for (Row r : rows) {
                claimed.add(new ClaimedMail(r.getUUID("id"), r.getString("template"),
                        new MailMessage(List.of(r.getArrayOfStrings("recipients")), r.getString("reply_to"),
                                r.getString("subject"), r.getString("body_text"), r.getString("body_html")),
                        r.getInteger("attempts"), r.getString("correlation_id")));
            }
            return claimed;
        });
    }

    /** Queues a mail through the given connection (its transaction); a second one for the same key is ignored. */
    public Uni<Void> insert(SqlClient client, UUID eventId, Template template, UUID contactId, MailMessage mail) {
        return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { UUID.randomUUID(), eventId,
                template.key(), contactId, mail.to().toArray(String[]::new), mail.replyTo(), mail.subject(),
                mail.text(), mail.html() })).replaceWithVoid();
    }

    public Uni<Void> markSent(UUID id, String messageId) {
        return update("""
                UPDATE notification SET status = 'SENT', attempts = attempts + 1, ses_message_id = $2, sent_at = now(),
                       last_error = NULL, claimed_until = NULL
                WHERE id = $1
                """, Tuple.of(id, messageId));
    }

    public Uni<Void> markRetry(UUID id, Duration wait, String error) {
        return update("""
                UPDATE notification SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
                       next_attempt_at = now() + $3 * interval '1 millisecond'
                WHERE id = $1
                """, Tuple.of(id, error, wait.toMillis()));
    }

    /** {@code called}: whether SES was asked (and the attempt counts). */
    public Uni<Void> markFailed(UUID id, String error, boolean called) {
        return update("""
                UPDATE notification SET status = 'FAILED', attempts = attempts + $3, last_error = $2, claimed_until = NULL
                WHERE id = $1
                """, Tuple.of(id, error, called ? 1 : 0));
    }

    public Uni<Void> markSuppressed(UUID id) {
        return update("""
                UPDATE notification SET status = 'SUPPRESSED', claimed_until = NULL,
                       last_error = 'every recipient is on the suppression list'
                WHERE id = $1
                """, Tuple.of(id));
    }

    /** Which of these addresses are suppressed, lower-case. */
    public Uni<Set<String>> suppressedAmong(List<String> addresses) {
        String[] lower = addresses.stream().map(a -> a.toLowerCase(Locale.ROOT)).toArray(String[]::new);
        return pool.preparedQuery("SELECT email FROM suppressed_address WHERE email = ANY($1)")
                .execute(Tuple.of(lower))
                .map(rows -> {
                    Set<String> found = new java.util.HashSet<>();
                    rows.forEach(r -> found.add(r.getString("email")));
                    return found;
                });
    }

    /** PENDING rows, and those among them already retried at least once. */
    public Uni<Backlog> backlog() {
        return pool.query("""
                SELECT count(*) AS pending, count(*) FILTER (WHERE attempts > 0) AS retrying
                FROM notification WHERE status = 'PENDING'
                """).execute().map(rows -> {
            Row r = rows.iterator().next();
            return new Backlog(r.getLong("pending"), r.getLong("retrying"));
        });
    }

    public record Backlog(long pending, long retrying) {
    }

    private Uni<Void> update(String sql, Tuple args) {
        return pool.preparedQuery(sql).execute(args).replaceWithVoid();
    }

}
