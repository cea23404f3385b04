package dev.intake.notification.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.id.Uuids;
import dev.intake.notification.model.MailMessage;
import dev.intake.notification.model.Template;
import dev.intake.platform.event.EventEnvelope;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Writes intended mails into the delivery log inside the caller's transaction (the inbox's). The sender
 * picks them up once committed, so a rolled-back event never mails.
 */
@ApplicationScoped
public class NotificationLog {

    // Recipients travel as one newline-separated parameter: validated addresses hold no control characters.
    private static final String INSERT = """
            INSERT INTO notification (id, event_id, template, contact_id, recipients, reply_to, subject, body_text,
                                      body_html, correlation_id)
            VALUES (:id, :eventId, :template, :contactId, string_to_array(:recipients, chr(10)), :replyTo, :subject,
                    :text, :html, :correlationId)
            ON CONFLICT (event_id, template) DO NOTHING
            """;

    /**
     * Records the mail unless this event already has one of this template: the inbox drops redeliveries,
     * and the unique key also covers a replay after the inbox forgot the event id. One statement, no
     * entity: a batch of events stays cheap.
     */
    public Uni<Void> record(EventEnvelope event, Template template, UUID contactId, MailMessage message) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", Uuids.timeOrdered())
                .setParameter("eventId", event.eventId())
                .setParameter("template", template.key())
                .setParameter("contactId", contactId)
                .setParameter("recipients", String.join("\n", message.to()))
                .setParameter("replyTo", message.replyTo())
                .setParameter("subject", message.subject())
                .setParameter("text", message.text())
                .setParameter("html", message.html())
                .setParameter("correlationId", event.correlationId())
                .executeUpdate())
                .replaceWithVoid();
    }
}
