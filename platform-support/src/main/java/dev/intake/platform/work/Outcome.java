package dev.intake.platform.work;

import java.time.Duration;

/** How one attempt ended, as a handler reports it; the engine records it. */
public final class Outcome {

    enum Kind {
        DONE, RETRY, FAILED, ENDED
    }

    final Kind kind;
    final String reason;
    final String note;
    final String status;
    final Duration wait;

    private Outcome(Kind kind, String reason, String note, String status, Duration wait) {
        this.kind = kind;
        this.reason = reason;
        this.note = note;
        this.status = status;
        this.wait = wait;
    }

    public static Outcome done() {
        return new Outcome(Kind.DONE, null, null, null, null);
    }

    /** Done, with a note for the queue's note column (e.g. the id the provider gave). */
    public static Outcome done(String note) {
        return new Outcome(Kind.DONE, null, note, null, null);
    }

    /** Worth another attempt after the queue's backoff; failed for good once the attempts are used up. */
    public static Outcome retry(String reason) {
        return new Outcome(Kind.RETRY, reason, null, null, null);
    }

    /** Worth another attempt, not before {@code atLeast} (a provider's Retry-After). */
    public static Outcome retry(String reason, Duration atLeast) {
        return new Outcome(Kind.RETRY, reason, null, null, atLeast);
    }

    /** Will never succeed: failed at once. */
    public static Outcome failed(String reason) {
        return new Outcome(Kind.FAILED, reason, null, null, null);
    }

    /** Finished in another terminal status of the queue's own (a suppressed mail). */
    public static Outcome ended(String status, String reason) {
        return new Outcome(Kind.ENDED, reason, null, status, null);
    }

    /** The metric label of this outcome. */
    public String label() {
        return kind == Kind.ENDED ? status.toLowerCase(java.util.Locale.ROOT) : kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return label() + (reason == null ? "" : " (" + reason + ")");
    }
}
