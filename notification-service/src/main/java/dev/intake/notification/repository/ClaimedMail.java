package dev.intake.notification.repository;

import java.util.UUID;

import dev.intake.notification.model.MailMessage;

/** A PENDING row the sender has leased. */
public record ClaimedMail(UUID id, String template, MailMessage message, String correlationId) {
}
