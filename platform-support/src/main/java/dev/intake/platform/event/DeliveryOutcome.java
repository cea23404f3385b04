package dev.intake.platform.event;

/** How one delivery attempt ended, as the relay acts on it and as metrics count it. */
enum DeliveryOutcome {
    /** 2xx: the consumer applied the event (or already had). */
    DELIVERED,
    /** Worth retrying: connection failure, timeout, 5xx, 408, 429, or an auth/route problem an operator can fix. */
    RETRY,
    /** The consumer will never accept this event (400, 410, 413, 415, 422): dead-lettered at once. */
    REJECTED;

    static DeliveryOutcome ofStatus(int status) {
        if (status >= 200 && status < 300) {
            return DELIVERED;
        }
        return switch (status) {
            case 400, 410, 413, 415, 422 -> REJECTED;
            default -> RETRY;
        };
    }
}
