package dev.intake.notification.client;

/**
 * Why SES did not take a mail. {@code transientFailure} says whether trying again later may work; the
 * message is safe to store and show (no addresses, no credentials).
 */
public class SendFailure extends RuntimeException {

    private final boolean transientFailure;

    public SendFailure(boolean transientFailure, String message) {
        super(message, null, false, false);
        this.transientFailure = transientFailure;
    }

    public boolean isTransient() {
        return transientFailure;
    }
}
