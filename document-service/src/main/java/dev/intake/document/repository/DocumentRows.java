package dev.intake.document.repository;

import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.document.model.Document;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The insert of an uploaded document: one statement (no transaction around it, one round trip), which stores
 * nothing when the contact has been erased meanwhile.
 */
@ApplicationScoped
public class DocumentRows {

    private final Pool pool;

    public DocumentRows(Pool pool) {
        this.pool = pool;
    }

    /** Whether the row was inserted: false when the contact was erased. A second use of an idempotency key fails. */
    public Uni<Boolean> insertUnlessErased(Document d) {
        Tuple values = Tuple.tuple()
                .addUUID(d.id).addUUID(d.contactId).addString(d.originalFilename).addString(d.storedFilename)
                .addString(d.storageKey).addString(d.contentType).addLong(d.sizeBytes).addString(d.sha256)
                .addString(d.md5).addString(d.documentType).addString(d.description).addArrayOfString(d.tags)
                .addString(d.status.name()).addOffsetDateTime(d.uploadedAt.atOffset(ZoneOffset.UTC))
                .addString(d.idempotencyKey);
        return pool.preparedQuery("""
                INSERT INTO document (id, contact_id, original_filename, stored_filename, storage_key, content_type,
                    size_bytes, sha256, md5, document_type, description, tags, status, uploaded_at, next_attempt_at,
                    idempotency_key)
                SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15
                WHERE NOT EXISTS (SELECT 1 FROM erased_contact WHERE contact_id = $2)
                """).execute(values).map(rows -> rows.rowCount() == 1);
    }
}
