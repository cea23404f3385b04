package dev.intake.document.model;

/** Processing lifecycle: PENDING → PROCESSING → COMPLETED | FAILED. */
public enum DocumentStatus {
    PENDING, PROCESSING, COMPLETED, FAILED
}
