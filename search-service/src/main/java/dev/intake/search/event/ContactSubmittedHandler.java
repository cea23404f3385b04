package dev.intake.search.event;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.model.ContactFields;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the contact's name and company (for documents processed later) and sets them on the
 * contact's entries already indexed, since events of the two producers may arrive in any order; a
 * contact without a row has no entries yet, so the index is not asked.
 */
@ApplicationScoped
public class ContactSubmittedHandler implements EventHandler {

    /**
     * One statement: stores the fields unless the contact was erased; answers whether the row is new. A row
     * that existed was left by a document indexed first (DocumentProcessedHandler): its entries need the name.
     */
    private static final String UPSERT = """
            INSERT INTO search_contact (contact_id, name, company, updated_at) VALUES (:id, :name, :company, :now)
            ON CONFLICT (contact_id) DO UPDATE SET name = EXCLUDED.name, company = EXCLUDED.company,
                updated_at = EXCLUDED.updated_at
            WHERE search_contact.deleted_at IS NULL
            RETURNING (xmax = 0) AS inserted
            """;

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
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT, Boolean.class)
                .setParameter("id", contactId).setParameter("name", fields.name())
                .setParameter("company", fields.company()).setParameter("now", Instant.now())
                .getResultList())
                .chain(rows -> {
                    if (rows.isEmpty() || rows.get(0)) {
                        // erased (the tombstone stays as it is), or new: no entry of this contact is indexed yet
                        return Uni.createFrom().voidItem();
                    }
                    return tools.targets().current().chain(indexes -> tools.blocking()
                            .run(() -> tools.index().updateContact(indexes, contactId, fields)));
                })
                .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
    }

    private static String text(EventEnvelope event, String field) {
        String value = event.payload().path(field).asText(null);
        return value == null || value.isBlank() ? null : value.length() > MAX ? value.substring(0, MAX) : value;
    }
}
