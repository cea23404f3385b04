package dev.intake.search.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.IndexedContact;
import dev.intake.search.service.DocumentIndex;
import dev.intake.search.service.SearchMetrics;
import io.smallrye.mutiny.Uni;

/** Erasure: removes the contact's entries and fields, keeping only a tombstone of its id. */
@ApplicationScoped
public class ContactDeletedHandler implements EventHandler {

    private final Payloads payloads;
    private final DocumentIndex index;
    private final Blocking blocking;
    private final SearchMetrics metrics;
    private final IndexTargets targets;

    public ContactDeletedHandler(Payloads payloads, DocumentIndex index, Blocking blocking, SearchMetrics metrics,
            IndexTargets targets) {
        this.payloads = payloads;
        this.index = index;
        this.blocking = blocking;
        this.metrics = metrics;
        this.targets = targets;
    }

    @Override
    public String type() {
        return "contact.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        payloads.requireVersion(event);
        UUID contactId = payloads.id(event, "contactId");
        return IndexedContact.<IndexedContact>findById(contactId).chain(existing -> {
            IndexedContact tombstone = existing != null ? existing : new IndexedContact();
            tombstone.contactId = contactId;
            tombstone.name = null;
            tombstone.company = null;
            tombstone.deletedAt = Instant.now();
            tombstone.updatedAt = tombstone.deletedAt;
            return tombstone.<IndexedContact>persist();
        })
                .chain(() -> targets.current())
                .chain(indexes -> blocking.run(() -> index.deleteContact(indexes, contactId)))
                .invoke(() -> metrics.indexed(type(), event.occurredAt()));
    }
}
