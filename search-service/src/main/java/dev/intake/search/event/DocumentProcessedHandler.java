package dev.intake.search.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.IndexedContact;
import dev.intake.search.model.ProcessedDocument;
import io.smallrye.mutiny.Uni;

/** Upserts the document's entries, with its contact's name and company; skipped for an erased contact. */
@ApplicationScoped
public class DocumentProcessedHandler implements EventHandler {

    private final IndexingTools tools;

    public DocumentProcessedHandler(IndexingTools tools) {
        this.tools = tools;
    }

    @Override
    public String type() {
        return "document.processed";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        tools.payloads().requireVersion(event);
        UUID documentId = tools.payloads().id(event, "documentId");
        UUID contactId = tools.payloads().id(event, "contactId");
        ProcessedDocument document = tools.payloads().read(event, ProcessedDocument.class);
        // FOR SHARE: a contact.submitted updating the row waits for this index write, or this read waits for
        // its name; without the lock, a read of the old row could write "Unknown contact" after the name
        return IndexedContact.<IndexedContact>findById(contactId, LockModeType.PESSIMISTIC_READ)
                .call(contact -> contact != null ? Uni.createFrom().voidItem() : placeholder(contactId))
                .chain(contact -> tools.targets().current().chain(indexes -> contact != null && contact.erased()
                        ? tools.blocking().run(() -> tools.index().deleteDocument(indexes, documentId))
                        : tools.blocking().run(() -> tools.index().upsert(indexes, document, ContactFields.of(contact)))))
                .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
    }

    /**
     * A document before its contact: the row (without name) tells contact.submitted that entries of this
     * contact are in the index already and need its name. Two events racing for the row conflict on its key,
     * and the one rolled back is delivered again.
     */
    private static Uni<Void> placeholder(UUID contactId) {
        IndexedContact contact = new IndexedContact();
        contact.contactId = contactId;
        contact.updatedAt = java.time.Instant.now();
        return contact.persist().replaceWithVoid();
    }
}
