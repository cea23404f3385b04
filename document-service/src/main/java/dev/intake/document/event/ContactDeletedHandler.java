package dev.intake.document.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.document.model.Document;
import dev.intake.document.service.DocumentUploads;
import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Erasure: a deleted contact's documents go, rows and objects. Objects are removed after the rows in
 * the same handler; if the transaction then fails, the event comes again and finds nothing left to keep.
 */
@ApplicationScoped
public class ContactDeletedHandler implements EventHandler {

    private final DocumentUploads uploads;

    public ContactDeletedHandler(DocumentUploads uploads) {
        this.uploads = uploads;
    }

    @Override
    public String type() {
        return "contact.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        UUID contactId;
        try {
            contactId = UUID.fromString(event.payload().path("contactId").asText());
        } catch (IllegalArgumentException e) {
            throw new ProblemException(422, "Invalid event", "The event has no valid contactId.");
        }
        Context context = Vertx.currentContext();
        return Document.<Document>list("contactId", contactId)
                .call(documents -> Document.delete("contactId", contactId))
                .chain(documents -> Uni.createFrom().item(() -> {
                    documents.forEach(d -> uploads.removeQuietly(d.storageKey));
                    return documents;
                }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                        // back on the event loop: the session must finish where it started
                        .emitOn(task -> context.runOnContext(ignored -> task.run())))
                .replaceWithVoid();
    }

}
