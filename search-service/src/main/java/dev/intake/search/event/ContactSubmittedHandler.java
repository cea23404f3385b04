package dev.intake.search.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.IndexedContact;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the contact's name and company (for documents processed later) and sets them on the
 * contact's entries already indexed, since events of the two producers may arrive in any order; a
 * contact without a row has no entries yet, so the index is not asked.
 */
@ApplicationScoped
public class ContactSubmittedHandler implements EventHandler {

    private static final int MAX = 200;

    private final IndexingTools tools;

    public ContactSubmittedHandler(IndexingTools tools) {
        this.tools = tools;
    }

    @Override
    public String type() {
        return "contact.submitted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        tools.payloads().requireVersion(event);
        UUID contactId = tools.payloads().id(event, "contactId");
        ContactFields fields = new ContactFields(text(event, "name"), text(event, "company"));
        return IndexedContact.<IndexedContact>findById(contactId).chain(existing -> {
            if (existing != null && existing.erased()) {
                return Uni.createFrom().voidItem();
            }
            IndexedContact contact = existing != null ? existing : new IndexedContact();
            contact.contactId = contactId;
            contact.name = fields.name();
            contact.company = fields.company();
            contact.updatedAt = Instant.now();
            if (existing == null) {
                // no row: no document of this contact was indexed yet (DocumentProcessedHandler leaves one)
                return contact.<IndexedContact>persist().replaceWithVoid()
                        .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
            }
            return contact.<IndexedContact>persist()
                    .chain(() -> tools.targets().current())
                    .chain(indexes -> tools.blocking().run(() -> tools.index().updateContact(indexes, contactId, fields)))
                    .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
        });
    }

    private static String text(EventEnvelope event, String field) {
        String value = event.payload().path(field).asText(null);
        return value == null || value.isBlank() ? null : value.length() > MAX ? value.substring(0, MAX) : value;
    }
}
