package dev.intake.notification.model;

import java.time.OffsetDateTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** An address that bounced or complained; stored lower-case and never mailed again. */
@Entity
@Table(name = "suppressed_address")
public class SuppressedAddress extends PanacheEntityBase {

    @Id
    public String email;

    @Column(nullable = false)
    public String reason;

    @Column(name = "created_at", nullable = false)
    public OffsetDateTime createdAt;
}
