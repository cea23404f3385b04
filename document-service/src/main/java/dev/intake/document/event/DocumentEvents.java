package dev.intake.document.event;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.intake.document.insight.Entities;
import dev.intake.document.insight.Insights;
import dev.intake.document.model.Document;

/** Payloads of the events document-service emits (docs/events.md). */
public final class DocumentEvents {

    public static final String PROCESSED = "document.processed";
    public static final String DELETED = "document.deleted";

    private DocumentEvents() {
    }

    /** {@code document.processed} v1: what search, contact and notification need, the full text included. */
    public record Processed(UUID documentId, UUID contactId, String filename, String documentType, String description,
            List<String> tags, String contentType, String fileExtension, long sizeBytes, String sha256, String status,
            String failureReason, Instant uploadedAt, Instant processedAt, String language, String title,
            String author, Integer pageCount, Integer wordCount, List<String> keywords, String summary,
            Entities entities, Double complexityScore, String text) {

        public static Processed of(Document d, Insights insights, String text) {
            return new Processed(d.id, d.contactId, d.originalFilename, d.documentType, d.description,
                    d.tags == null ? List.of() : List.of(d.tags), d.contentType, d.extension(), d.sizeBytes, d.sha256,
                    d.status.name(), d.failureReason, d.uploadedAt, d.processedAt,
                    insights == null ? null : insights.language(), insights == null ? null : insights.title(),
                    insights == null ? null : insights.author(), insights == null ? null : insights.pageCount(),
                    insights == null ? null : insights.wordCount(), insights == null ? List.of() : insights.keywords(),
                    insights == null ? null : insights.summary(), insights == null ? null : insights.entities(),
                    insights == null ? null : insights.complexityScore(), text == null ? "" : text);
        }
    }

    /** {@code document.deleted} v1. */
    public record Deleted(UUID documentId, UUID contactId, Instant deletedAt) {
    }
}
