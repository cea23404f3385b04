package dev.intake.document.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.document.client.ContactDirectory;
import dev.intake.document.model.Document;
import dev.intake.document.repository.ErasedContacts;
import dev.intake.document.service.DocumentUploads;
import dev.intake.platform.event.Blocking;
import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Erasure: a deleted contact's documents go, rows and objects, and the contact is marked erased, so no upload
 * is stored for it afterwards. Objects are removed after the rows in
 * the same handler; if the transaction then fails, the event comes again and finds nothing left to keep.
 */
@ApplicationScoped
public class ContactDeletedHandler implements EventHandler {

    private final DocumentUploads uploads;
    private final Blocking blocking;
    private final ErasedContacts erased;
    private final ContactDirectory contacts;

    public ContactDeletedHandler(DocumentUploads uploads, Blocking blocking, ErasedContacts erased,
            ContactDirectory contacts) {
        this.uploads = uploads;
        this.blocking = blocking;
        this.erased = erased;
        this.contacts = contacts;
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
        // recorded first: an upload authorised before this erasure is refused at its insert from now on
        return erased.record(contactId)
                .invoke(() -> contacts.forget(contactId))
                .chain(() -> Document.<Document>list("contactId", contactId))
                .call(documents -> Document.delete("contactId", contactId))
                .call(documents -> blocking.run(() -> documents.forEach(d -> uploads.removeQuietly(d.storageKey))))
                .replaceWithVoid();
    }

}
