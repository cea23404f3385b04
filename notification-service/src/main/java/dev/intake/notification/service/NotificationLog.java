package dev.intake.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Notification;
import dev.intake.notification.model.Template;
import dev.intake.platform.event.EventEnvelope;
import io.smallrye.mutiny.Uni;

/**
 * Writes intended mails into the delivery log inside the caller's transaction (the inbox's). The sender
 * picks them up once committed, so a rolled-back event never mails.
 */
@ApplicationScoped
public class NotificationLog {

    /**
     * Records the mail unless this event already has one of this template: the inbox drops redeliveries,
     * and this also covers a replay after the inbox forgot the event id. A concurrent duplicate would
     * hit the unique key and roll back, and its redelivery then finds the row.
     */
    public Uni<Void> record(EventEnvelope event, Template template, UUID contactId, MailMessage message) {
        return Notification.count("eventId = ?1 and template = ?2", event.eventId(), template.key())
                .chain(existing -> existing > 0 ? Uni.createFrom().voidItem()
                        : Notification.pending(event.eventId(), event.correlationId(), template, contactId, message)
                                .persist().replaceWithVoid());
    }
}
