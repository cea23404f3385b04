package dev.intake.notification.model;

import java.util.List;

/** A rendered mail: what goes to SES. {@code replyTo} may be null. */
public record MailMessage(List<String> to, String replyTo, String subject, String text, String html) {
}
