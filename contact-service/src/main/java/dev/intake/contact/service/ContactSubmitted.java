package dev.intake.contact.service;

import java.time.Instant;
import java.util.UUID;

/** Payload of {@code contact.submitted} v1 (docs/events.md). */
public record ContactSubmitted(UUID contactId, Instant createdAt, String name, String email, String company,
        String service, String budget, String source, String message, String userAgent, String pageUrl) {
}
