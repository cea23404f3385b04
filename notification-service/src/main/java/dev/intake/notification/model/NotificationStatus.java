package dev.intake.notification.model;

/** Where an intended mail stands in the delivery log. */
public enum NotificationStatus {
    /** Committed, waiting for the sender (first try or a retry after a transient failure). */
    PENDING,
    SENT,
    /** Permanently rejected, or transient failures exhausted; an administrator may retry it. */
    FAILED,
    /** Every recipient is on the suppression list: nothing was sent. */
    SUPPRESSED
}
