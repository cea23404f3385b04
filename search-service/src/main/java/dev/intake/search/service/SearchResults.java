package dev.intake.search.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One page of hits; {@code highlights} hold HTML-safe text with {@code <mark>} around matches. */
public record SearchResults(String query, int page, int size, long totalHits, int totalPages,
        long processingTimeMs, List<Hit> hits, Map<String, Map<String, Long>> facets) {

    public record Hit(String documentId, String contactId, String filename, String title, String documentType,
            String status, String fileExtension, String language, Long size, Instant uploadedAt,
            Instant processedAt, String contactName, String contactCompany, List<String> tags, Highlights highlights) {
    }

    /** HTML-escaped, with {@code <mark>} around the matched words; {@code snippet} is the cropped text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Highlights(String snippet, String title, String filename, String description, String contactName,
            String contactCompany) {
    }
}
