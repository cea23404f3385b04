package dev.intake.notification.repository;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.id.Uuids;
import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Template;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The delivery log's SQL outside the entity mappings: queueing a mail in the inbox transaction, the
 * suppression check and the backlog. Claims and outcomes are the work engine's (NotificationSender).
 */
@ApplicationScoped
public class NotificationStore {

    /** NOTIFYed when mails are queued (V2), so the sender of every replica wakes at once. */
    public static final String CHANNEL = "notification_pending";

    private static final String INSERT = """
            INSERT INTO notification (id, event_id, template, contact_id, recipients, reply_to, subject, body_text, body_html)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            ON CONFLICT (event_id, template) DO NOTHING
            """;

    private final Pool pool;

    public NotificationStore(Pool pool) {
        this.pool = pool;
    }

    /** The mail of a row the work engine claimed (NotificationSender's table lists these columns). */
    public static ClaimedMail claimedMail(Row r) {
        return new ClaimedMail(r.getUUID("work_id"), r.getString("template"),
                new MailMessage(List.of(r.getArrayOfStrings("recipients")), r.getString("reply_to"),
                        r.getString("subject"), r.getString("body_text"), r.getString("body_html")),
                r.getString("correlation_id"));
    }

    /** Queues a mail through the given connection (its transaction); a second one for the same key is ignored. */
    public Uni<Void> insert(SqlClient client, UUID eventId, Template template, UUID contactId, MailMessage mail) {
        return client.preparedQuery(INSERT).execute(Tuple.from(new Object[] { Uuids.timeOrdered(), eventId,
                template.key(), contactId, mail.to().toArray(String[]::new), mail.replyTo(), mail.subject(),
                mail.text(), mail.html() })).replaceWithVoid();
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
}
