package dev.intake.document.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.intake.document.model.Document;

/** A document as the API shows it (without its text). */
public record DocumentView(UUID id, UUID contactId, String filename, String storedFilename, String contentType,
        long size, String sha256, String documentType, String description, List<String> tags, String status,
        int attempts, String failureReason, Instant uploadedAt, Instant processedAt) {

    public static DocumentView of(Document d) {
        return new DocumentView(d.id, d.contactId, d.originalFilename, d.storedFilename, d.contentType, d.sizeBytes,
                d.sha256, d.documentType, d.description, d.tags == null ? List.of() : List.of(d.tags), d.status.name(),
                d.attempts, d.failureReason, d.uploadedAt, d.processedAt);
    }
}
