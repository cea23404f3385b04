package dev.intake.search.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.IndexedContact;
import io.smallrye.mutiny.Uni;

/** Erasure: removes the contact's entries and fields, keeping only a tombstone of its id. */
@ApplicationScoped
public class ContactDeletedHandler implements EventHandler {

    private final IndexingTools tools;

    public ContactDeletedHandler(IndexingTools tools) {
        this.tools = tools;
    }

    @Override
    public String type() {
        return "contact.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        tools.payloads().requireVersion(event);
        UUID contactId = tools.payloads().id(event, "contactId");
        return IndexedContact.<IndexedContact>findById(contactId).chain(existing -> {
            IndexedContact tombstone = existing != null ? existing : new IndexedContact();
            tombstone.contactId = contactId;
            tombstone.name = null;
            tombstone.company = null;
            tombstone.deletedAt = Instant.now();
            tombstone.updatedAt = tombstone.deletedAt;
            return tombstone.<IndexedContact>persist();
        })
                .chain(() -> tools.targets().current())
                .chain(indexes -> tools.blocking().run(() -> tools.index().deleteContact(indexes, contactId)))
                .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
    }
}
