package dev.intake.document.repository;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What a contact has uploaded within a period: files, bytes and the oldest upload's time. */
@ApplicationScoped
public class ContactUploadUsage {

    public record Usage(long files, long bytes, OffsetDateTime oldest) {
    }

    private final Pool pool;

    public ContactUploadUsage(Pool pool) {
        this.pool = pool;
    }

    public Uni<Usage> within(UUID contactId, Duration period) {
        return pool.preparedQuery("""
                SELECT count(*) AS files, COALESCE(sum(size_bytes), 0) AS bytes, min(uploaded_at) AS oldest
                FROM document WHERE contact_id = $1 AND uploaded_at > now() - $2 * interval '1 millisecond'
                """).execute(Tuple.of(contactId, period.toMillis())).map(rows -> {
                    Row row = rows.iterator().next();
                    return new Usage(row.getLong("files"), row.getLong("bytes"), row.getOffsetDateTime("oldest"));
                });
    }
}
