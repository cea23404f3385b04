package dev.intake.notification.event;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of {@code document.processed} v1; the digest only counts outcomes per contact. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DocumentProcessed(UUID documentId, UUID contactId, String status) {

    public boolean failed() {
        return "FAILED".equals(status);
    }
}
