package dev.intake.document.service;

/**
 * Extraction did not succeed. {@code permanent} failures (encrypted, corrupt, hostile files) are not
 * retried; others (storage unreachable) are, with backoff. The reason is shown to administrators.
 */
public class ExtractionFailure extends Exception {

    private final boolean permanent;

    public ExtractionFailure(String reason, boolean permanent) {
        super(reason, null, false, false);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
