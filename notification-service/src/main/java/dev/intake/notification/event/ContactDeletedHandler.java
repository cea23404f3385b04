package dev.intake.notification.event;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.service.Erasure;
import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import io.smallrye.mutiny.Uni;

/** A contact was deleted: erase its personal data from the delivery log. */
@ApplicationScoped
public class ContactDeletedHandler implements EventHandler {

    private final Payloads payloads;
    private final Erasure erasure;

    public ContactDeletedHandler(Payloads payloads, Erasure erasure) {
        this.payloads = payloads;
        this.erasure = erasure;
    }

    @Override
    public String type() {
        return "contact.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        ContactDeleted deleted = payloads.read(event, ContactDeleted.class);
        return erasure.eraseContact(Payloads.required(deleted.contactId(), "contactId"));
    }
}
