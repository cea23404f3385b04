package dev.intake.notification.event;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.service.DocumentDigests;
import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import io.smallrye.mutiny.Uni;

/** Counts a processed document into its contact's digest window. */
@ApplicationScoped
public class DocumentProcessedHandler implements EventHandler {

    private final Payloads payloads;
    private final DocumentDigests digests;

    public DocumentProcessedHandler(Payloads payloads, DocumentDigests digests) {
        this.payloads = payloads;
        this.digests = digests;
    }

    @Override
    public String type() {
        return "document.processed";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        DocumentProcessed document = payloads.read(event, DocumentProcessed.class);
        Payloads.required(document.contactId(), "contactId");
        Payloads.required(document.status(), "status");
        return digests.count(document.contactId(), document.failed());
    }
}
