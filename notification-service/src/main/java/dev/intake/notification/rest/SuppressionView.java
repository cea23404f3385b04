package dev.intake.notification.rest;

import java.time.OffsetDateTime;

import dev.intake.notification.model.SuppressedAddress;

public record SuppressionView(String email, String reason, OffsetDateTime createdAt) {

    static SuppressionView of(SuppressedAddress a) {
        return new SuppressionView(a.email, a.reason, a.createdAt);
    }
}
