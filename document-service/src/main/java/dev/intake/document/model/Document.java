package dev.intake.document.model;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * A stored file and its processing state. The bytes live in S3 under {@link #storageKey}; the insights
 * JSON and the extracted text are read and written in SQL by the processor.
 */
@Entity
@Table(name = "document")
public class Document extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "original_filename")
    public String originalFilename;

    @Column(name = "stored_filename")
    public String storedFilename;

    @Column(name = "storage_key")
    public String storageKey;

    @Column(name = "content_type")
    public String contentType;

    @Column(name = "size_bytes")
    public long sizeBytes;

    public String sha256;

    /** Null for files stored before V4 (their SHA-256 is in the object's metadata). */
    public String md5;

    @Column(name = "document_type")
    public String documentType;

    public String description;

    @Column(columnDefinition = "text[]")
    public String[] tags;

    @Enumerated(EnumType.STRING)
    public DocumentStatus status;

    public int attempts;

    @Column(name = "failure_reason")
    public String failureReason;

    @Column(name = "uploaded_at")
    public Instant uploadedAt;

    @Column(name = "processed_at")
    public Instant processedAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The upload's Idempotency-Key (unique per contact), or null. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public String extension() {
        int dot = storedFilename.lastIndexOf('.');
        return dot < 0 ? "" : storedFilename.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
    }
}
