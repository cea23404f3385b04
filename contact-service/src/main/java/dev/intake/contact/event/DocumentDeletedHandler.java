package dev.intake.contact.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** Drops a deleted document from its contact's summary. */
@ApplicationScoped
public class DocumentDeletedHandler implements EventHandler {

    @Override
    public String type() {
        return "document.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        UUID contactId = DocumentProcessedHandler.uuid(event.payload(), "contactId");
        UUID documentId = DocumentProcessedHandler.uuid(event.payload(), "documentId");
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "UPDATE contact_submission SET documents = documents - CAST(:documentId AS text) WHERE id = :contactId")
                .setParameter("documentId", documentId.toString())
                .setParameter("contactId", contactId)
                .executeUpdate())
                .replaceWithVoid();
    }
}
