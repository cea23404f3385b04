package dev.intake.notification.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why an address is suppressed, e.g. {@code bounce}, {@code complaint}, {@code manual}. */
public record SuppressionRequest(@NotBlank @Size(max = 50) String reason) {
}
