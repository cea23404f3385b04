package dev.intake.platform.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/** What travels between services: a versioned payload with its identity and origin. */
public record EventEnvelope(
        @NotNull UUID eventId,
        @NotBlank @Size(max = 100) @Pattern(regexp = "[a-z][a-z0-9_.-]*", message = "must be a dotted lower-case name") String type,
        @Min(1) int version,
        @NotNull Instant occurredAt,
        @Size(max = 100) String correlationId,
        @NotNull JsonNode payload) {
}
