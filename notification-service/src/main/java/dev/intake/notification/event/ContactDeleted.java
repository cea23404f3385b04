package dev.intake.notification.event;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Payload of {@code contact.deleted} v1. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ContactDeleted(UUID contactId, Instant deletedAt) {
}
