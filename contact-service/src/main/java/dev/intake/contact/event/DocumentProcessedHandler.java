package dev.intake.contact.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the contact's document summary (what the admin detail shows) in step with document-service.
 * Only the summary fields are kept: the full text stays with document-service.
 */
@ApplicationScoped
public class DocumentProcessedHandler implements EventHandler {

    private static final String[] SUMMARY_FIELDS = { "documentId", "filename", "documentType", "contentType",
            "sizeBytes", "status", "failureReason", "uploadedAt", "processedAt", "language", "title", "pageCount",
            "wordCount", "keywords", "summary", "entities", "complexityScore" };

    private final ObjectMapper json;

    public DocumentProcessedHandler(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public String type() {
        return "document.processed";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        JsonNode payload = event.payload();
        UUID contactId = uuid(payload, "contactId");
        UUID documentId = uuid(payload, "documentId");
        ObjectNode summary = json.createObjectNode();
        for (String field : SUMMARY_FIELDS) {
            if (payload.has(field)) {
                summary.set(field, payload.get(field));
            }
        }
        // jsonb_set on the row: concurrent events for other documents of the contact do not overwrite each other
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                UPDATE contact_submission
                SET documents = jsonb_set(documents, ARRAY[:documentId], CAST(CAST(:summary AS text) AS jsonb))
                WHERE id = :contactId
                """).setParameter("documentId", documentId.toString())
                .setParameter("summary", summary.toString())
                .setParameter("contactId", contactId)
                .executeUpdate())
                .replaceWithVoid();
    }

    static UUID uuid(JsonNode payload, String field) {
        try {
            return UUID.fromString(payload.path(field).asText());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Invalid event", "The event has no valid " + field + ".");
        }
    }
}
