package dev.intake.notification.service;

import java.util.List;
import java.util.UUID;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * A kind of digest, kept in PostgreSQL as windows that fall due: the per-contact document digest and the
 * administrators' digest of submissions. The one {@link DigestFlusher} turns due windows of every kind into
 * delivery log rows; erasure asks every kind to forget a contact.
 */
public interface DigestKind {

    /** Locks this kind's due windows in the flusher's transaction and renders each one's mail. */
    Uni<List<DueDigest>> lockDue(SqlConnection connection);

    /** Deletes a window the flusher has queued, with what it collected, in the same transaction. */
    Uni<Void> close(SqlConnection connection, DueDigest digest);

    /** Forgets what open windows hold about a contact, in the caller's (inbox) transaction. */
    Uni<Void> forget(UUID contactId);
}
