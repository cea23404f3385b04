package dev.intake.search.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** A contact's searchable fields, or its tombstone once erased (see V1__search_state.sql). */
@Entity
@Table(name = "search_contact")
public class IndexedContact extends PanacheEntityBase {

    @Id
    @Column(name = "contact_id")
    public UUID contactId;

    public String name;

    public String company;

    @Column(name = "deleted_at")
    public Instant deletedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean erased() {
        return deletedAt != null;
    }
}
