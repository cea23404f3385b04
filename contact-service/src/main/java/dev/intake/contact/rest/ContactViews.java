package dev.intake.contact.rest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.contact.model.Contact;

/** What the contact API answers. */
public final class ContactViews {

    private ContactViews() {
    }

    /** 201 to a submission: the id and the token that lets the submitter attach files later. */
    public record Created(UUID id, Instant createdAt, String uploadToken) {
    }

    /** 201 to a submission with attachments: one entry per file, its document id or its error. */
    public record CreatedWithDocuments(UUID id, Instant createdAt, String uploadToken,
            List<dev.intake.contact.service.AttachmentForwarder.Outcome> documents) {
    }

    public record Summary(UUID id, String name, String email, String company, String service, String source,
            String status, Instant createdAt) {

        public static Summary of(Contact c) {
            return new Summary(c.id, c.name, c.email, c.company, c.service, c.source, c.status, c.createdAt);
        }
    }

    public record Page(List<Summary> items, int page, int size, long total) {
    }

    public record Detail(UUID id, String name, String email, String message, String company, String service,
            String budget, String source, String userAgent, String pageUrl, String status, String statusChangedBy,
            Instant statusChangedAt, Instant createdAt, List<JsonNode> documents, Map<String, Object> documentInsights) {
    }

    public record StatusChange(String status) {
    }

    /** The old system's answer to {@code POST /contact}. */
    public record LegacyCreated(String message, String contactId, String timestamp, long visitor_count,
            int documents_count) {
    }

    /** The old system's {@code GET /stats}. */
    public record LegacyStats(long visitor_count, String timestamp, boolean enhanced_features) {
    }
}
