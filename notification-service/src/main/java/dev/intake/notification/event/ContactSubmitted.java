package dev.intake.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of {@code contact.submitted} v1 (docs/events.md); only what the mails use. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactSubmitted(UUID contactId, Instant createdAt, String name, String email, String company,
        String service, String budget, String source, String message, String pageUrl) {
}
