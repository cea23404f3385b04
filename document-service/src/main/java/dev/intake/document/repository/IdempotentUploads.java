package dev.intake.document.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.document.model.Document;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The document a contact's earlier upload with the same Idempotency-Key stored, if any. */
@ApplicationScoped
public class IdempotentUploads {

    public Uni<Document> find(UUID contactId, String idempotencyKey) {
        return Panache.withSession(() -> Document.<Document>find("contactId = ?1 and idempotencyKey = ?2", contactId,
                idempotencyKey).firstResult());
    }
}
