package dev.intake.search.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The fields of a {@code document.processed} payload (and of document-service's internal read API)
 * that the index uses; others are ignored so producers may add fields within a version.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProcessedDocument(
        UUID documentId,
        UUID contactId,
        String filename,
        String documentType,
        String description,
        List<String> tags,
        String contentType,
        String fileExtension,
        Long sizeBytes,
        String status,
        Instant uploadedAt,
        Instant processedAt,
        String language,
        String title,
        String author,
        Integer pageCount,
        Integer wordCount,
        List<String> keywords,
        String summary,
        String text) {
}
