package dev.intake.search.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

import dev.intake.search.model.ContactFields;

/** Blocking look-up of many contacts at once, for the rebuild thread (the event path uses the entity). */
@ApplicationScoped
public class ContactDirectory {

    /** A contact that was erased: its documents must not come back into the index. */
    public static final ContactFields ERASED = new ContactFields(null, null);

    private final Pool pool;

    public ContactDirectory(Pool pool) {
        this.pool = pool;
    }

    /** Known contacts by id; erased ones map to {@link #ERASED} (compare by identity). */
    public Map<UUID, ContactFields> find(Set<UUID> ids) {
        Map<UUID, ContactFields> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Row row : pool.preparedQuery("SELECT contact_id, name, company, deleted_at FROM search_contact"
                + " WHERE contact_id = ANY($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .await().atMost(Duration.ofSeconds(10))) {
            found.put(row.getUUID("contact_id"), row.getValue("deleted_at") != null ? ERASED
                    : new ContactFields(row.getString("name"), row.getString("company")));
        }
        return found;
    }
}
