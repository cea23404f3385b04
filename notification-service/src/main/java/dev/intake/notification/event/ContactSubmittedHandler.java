package dev.intake.notification.event;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.config.MailConfig;
import dev.intake.notification.model.Template;
import dev.intake.notification.service.AdminDigests;
import dev.intake.notification.service.MailComposer;
import dev.intake.notification.service.NotificationLog;
import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import io.smallrye.mutiny.Uni;

/** A new contact: the administrators' mail (or its line in their digest), and the submitter's receipt when enabled. */
@ApplicationScoped
public class ContactSubmittedHandler implements EventHandler {

    private final Payloads payloads;
    private final MailComposer composer;
    private final NotificationLog log;
    private final AdminDigests digests;
    private final MailConfig config;

    public ContactSubmittedHandler(Payloads payloads, MailComposer composer, NotificationLog log, AdminDigests digests,
            MailConfig config) {
        this.payloads = payloads;
        this.composer = composer;
        this.log = log;
        this.digests = digests;
        this.config = config;
    }

    @Override
    public String type() {
        return "contact.submitted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        ContactSubmitted contact = payloads.read(event, ContactSubmitted.class);
        Payloads.required(contact.contactId(), "contactId");
        Payloads.required(contact.name(), "name");
        Payloads.required(contact.email(), "email");
        Payloads.required(contact.message(), "message");
        Uni<Void> admin = digests.collect(event, contact).chain(digested -> digested ? Uni.createFrom().voidItem()
                : log.record(event, Template.CONTACT_ADMIN, contact.contactId(), composer.contactAdmin(contact)));
        if (!config.confirmation().enabled()) {
            return admin;
        }
        return admin.chain(() -> log.record(event, Template.CONTACT_CONFIRMATION, contact.contactId(),
                composer.contactConfirmation(contact)));
    }
}
