package dev.intake.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import dev.intake.notification.model.Notification;
import dev.intake.notification.model.NotificationStatus;

/** A delivery log row as the admin API shows it (without the bodies). */
public record NotificationView(UUID id, UUID eventId, String template, UUID contactId, List<String> recipients,
        String replyTo, String subject, NotificationStatus status, int attempts, String sesMessageId,
        String lastError, OffsetDateTime createdAt, OffsetDateTime nextAttemptAt, OffsetDateTime sentAt,
        OffsetDateTime erasedAt, String correlationId) {

    public static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.eventId, n.template, n.contactId, List.copyOf(n.recipients), n.replyTo,
                n.subject, n.status, n.attempts, n.sesMessageId, n.lastError, n.createdAt,
                n.status == NotificationStatus.PENDING ? n.nextAttemptAt : null, n.sentAt, n.erasedAt,
                n.correlationId);
    }
}
