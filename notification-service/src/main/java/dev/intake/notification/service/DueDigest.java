package dev.intake.notification.service;

import java.util.UUID;

import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Template;

/**
 * A due window and the mail it becomes; {@code mail} is null when it collected nothing to send. The window's id
 * is the mail's event id, so a flush repeated after a crash cannot queue a second mail.
 */
public record DueDigest(UUID windowId, Template template, UUID contactId, MailMessage mail) {
}
