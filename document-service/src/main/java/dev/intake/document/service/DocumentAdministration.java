package dev.intake.document.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.document.event.DocumentEvents;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.platform.event.Outbox;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Reading, reprocessing and deleting documents; the bytes are handled by the callers. */
@ApplicationScoped
public class DocumentAdministration {

    public record Page(List<Document> items, long total) {
    }

    private final Outbox outbox;
    private final ObjectMapper json;

    public DocumentAdministration(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @WithSession
    public Uni<Page> list(UUID contactId, DocumentStatus status, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (contactId != null) {
            where.append(" and contactId = :contactId");
            params.and("contactId", contactId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.and("status", status);
        }
        var query = Document.<Document>find(where.toString(), Sort.descending("uploadedAt", "id"), params);
        return query.page(page, size).list().chain(items -> query.count().map(total -> new Page(items, total)));
    }

    @WithSession
    public Uni<Document> find(UUID id) {
        return Document.<Document>findById(id).onItem().ifNull().failWith(DocumentAdministration::notFound);
    }

    @WithSession
    public Uni<JsonNode> insights(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT insights::text FROM document WHERE id = :id", String.class).setParameter("id", id)
                .getSingleResultOrNull())
                .map(text -> {
                    try {
                        return text == null ? json.createObjectNode() : json.readTree(text);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("insights column is not JSON", e);
                    }
                });
    }

    /** Back to PENDING with fresh attempts; the worker picks it up at its next poll. */
    @WithTransaction
    public Uni<Document> reprocess(UUID id) {
        return Document.<Document>findById(id).onItem().ifNull().failWith(DocumentAdministration::notFound)
                .invoke(d -> {
                    if (d.status == DocumentStatus.PROCESSING) {
                        throw new ProblemException(409, "Conflict", "The document is being processed right now.");
                    }
                    d.status = DocumentStatus.PENDING;
                    d.attempts = 0;
                    d.failureReason = null;
                    d.nextAttemptAt = Instant.now();
                });
    }

    /** Deletes the row and records {@code document.deleted}; returns the storage key for the caller to remove. */
    public Uni<String> delete(UUID id) {
        return Panache.withTransaction(() -> Document.<Document>findById(id)
                .onItem().ifNull().failWith(DocumentAdministration::notFound)
                .call(d -> d.delete())
                .call(d -> outbox.publish("document", d.id.toString(), DocumentEvents.DELETED, 1,
                        new DocumentEvents.Deleted(d.id, d.contactId, Instant.now())))
                .map(d -> d.storageKey))
                .invoke(outbox::committed);
    }

    /** Counts for the old analytics endpoint. */
    @WithSession
    public Uni<Map<String, Object>> statistics() {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                SELECT json_build_object(
                  'contacts', count(DISTINCT contact_id),
                  'documents', count(*),
                  'types', COALESCE((SELECT json_object_agg(document_type, n) FROM
                            (SELECT document_type, count(*) n FROM document GROUP BY document_type) t), '{}'::json),
                  'pending', count(*) FILTER (WHERE status = 'PENDING'),
                  'processing', count(*) FILTER (WHERE status = 'PROCESSING'),
                  'completed', count(*) FILTER (WHERE status = 'COMPLETED'),
                  'failed', count(*) FILTER (WHERE status = 'FAILED'))::text
                FROM document
                """, String.class).getSingleResult())
                .map(text -> {
                    try {
                        return json.readValue(text, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                        });
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException(e);
                    }
                });
    }

    static ProblemException notFound() {
        return new ProblemException(404, "Not found", "No document with this id.");
    }
}
