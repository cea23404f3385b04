package dev.intake.search.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.IndexedContact;
import dev.intake.search.model.ProcessedDocument;
import dev.intake.search.service.DocumentIndex;
import dev.intake.search.service.SearchMetrics;
import io.smallrye.mutiny.Uni;

/** Upserts the document's entries, with its contact's name and company; skipped for an erased contact. */
@ApplicationScoped
public class DocumentProcessedHandler implements EventHandler {

    private final Payloads payloads;
    private final DocumentIndex index;
    private final Blocking blocking;
    private final SearchMetrics metrics;
    private final IndexTargets targets;

    public DocumentProcessedHandler(Payloads payloads, DocumentIndex index, Blocking blocking, SearchMetrics metrics,
            IndexTargets targets) {
        this.payloads = payloads;
        this.index = index;
        this.blocking = blocking;
        this.metrics = metrics;
        this.targets = targets;
    }

    @Override
    public String type() {
        return "document.processed";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        payloads.requireVersion(event);
        UUID documentId = payloads.id(event, "documentId");
        UUID contactId = payloads.id(event, "contactId");
        ProcessedDocument document = payloads.read(event, ProcessedDocument.class);
        return IndexedContact.<IndexedContact>findById(contactId)
                .chain(contact -> targets.current().chain(indexes -> contact != null && contact.erased()
                        ? blocking.run(() -> index.deleteDocument(indexes, documentId))
                        : blocking.run(() -> index.upsert(indexes, document, ContactFields.of(contact)))))
                .invoke(() -> metrics.indexed(type(), event.occurredAt()));
    }
}
