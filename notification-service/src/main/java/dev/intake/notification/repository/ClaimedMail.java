package dev.intake.notification.repository;

import java.util.UUID;

import dev.intake.notification.model.MailMessage;

/** A PENDING row the sender has leased; {@code attempts} counts the SES calls made before this one. */
public record ClaimedMail(UUID id, String template, MailMessage message, int attempts, String correlationId) {
}
