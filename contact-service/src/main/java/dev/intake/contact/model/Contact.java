package dev.intake.contact.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** One contact submission. Its documents (a JSONB column kept from events) are read and written in SQL. */
@Entity
@Table(name = "contact_submission")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public String email;
    public String message;
    public String company;
    public String service;
    public String budget;
    public String source;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "page_url")
    public String pageUrl;

    /** Lower-case wire value of {@link ContactStatus}. */
    public String status;

    @Column(name = "status_changed_by")
    public String statusChangedBy;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    @Column(name = "created_at")
    public Instant createdAt;
}
