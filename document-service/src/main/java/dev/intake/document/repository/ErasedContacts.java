package dev.intake.document.repository;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Contacts this service has erased, so no later upload is stored for them (see {@link DocumentRows}). */
@ApplicationScoped
public class ErasedContacts {

    private final Pool pool;

    public ErasedContacts(Pool pool) {
        this.pool = pool;
    }

    public Uni<Void> record(UUID contactId) {
        return pool.preparedQuery("INSERT INTO erased_contact (contact_id) VALUES ($1) ON CONFLICT DO NOTHING")
                .execute(Tuple.of(contactId)).replaceWithVoid();
    }
}
