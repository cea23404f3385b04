package dev.intake.contact.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The contact a client's Idempotency-Key created, with the hash of the request that created it. */
@Entity
@Table(name = "idempotency_record")
public class IdempotencyRecord extends PanacheEntityBase {

    /** {@code <client>:<Idempotency-Key>}: a key only replays for the client that sent it. */
    @Id
    @Column(name = "record_key")
    public String recordKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "created_at")
    public Instant createdAt;
}
