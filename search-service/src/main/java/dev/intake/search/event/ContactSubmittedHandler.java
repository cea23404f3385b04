package dev.intake.search.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.IndexedContact;
import dev.intake.search.service.DocumentIndex;
import dev.intake.search.service.SearchMetrics;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the contact's name and company (for documents processed later) and sets them on the
 * contact's entries already indexed, since events of the two producers may arrive in any order.
 */
@ApplicationScoped
public class ContactSubmittedHandler implements EventHandler {

    private static final int MAX = 200;

    private final Payloads payloads;
    private final DocumentIndex index;
    private final Blocking blocking;
    private final SearchMetrics metrics;
    private final IndexTargets targets;

    public ContactSubmittedHandler(Payloads payloads, DocumentIndex index, Blocking blocking, SearchMetrics metrics,
            IndexTargets targets) {
        this.payloads = payloads;
        this.index = index;
        this.blocking = blocking;
        this.metrics = metrics;
        this.targets = targets;
    }

    @Override
    public String type() {
        return "contact.submitted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        payloads.requireVersion(event);
        UUID contactId = payloads.id(event, "contactId");
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
            return contact.<IndexedContact>persist()
                    .chain(() -> targets.current())
                    .chain(indexes -> blocking.run(() -> index.updateContact(indexes, contactId, fields)))
                    .invoke(() -> metrics.indexed(type(), event.occurredAt()));
        });
    }

    private static String text(EventEnvelope event, String field) {
        String value = event.payload().path(field).asText(null);
        return value == null || value.isBlank() ? null : value.length() > MAX ? value.substring(0, MAX) : value;
    }
}
