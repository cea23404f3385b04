package dev.intake.notification.client;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Sorts SES failures into transient (throttling, 5xx, a paused account, timeouts, no connection: retry with
 * backoff) and permanent (the request itself is wrong: rejected message, invalid address, unverified
 * sender, refused credentials). The stored message never carries an address or a key, since SES echoes
 * addresses in its messages.
 */
public final class SesFailures {

    private static final int MAX_MESSAGE = 300;
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
    /** Codes SES answers with a 4xx although waiting helps. */
    private static final Set<String> TRANSIENT_CODES = Set.of("TooManyRequestsException", "ThrottlingException",
            "Throttling", "LimitExceededException", "SendingPausedException", "ServiceUnavailable", "RequestTimeout");

    private SesFailures() {
    }

    /** An answer other than 2xx, with the error code and message SES gave (either may be null). */
    public static SendFailure answer(int status, String code, String message) {
        boolean retry = status == 429 || status >= 500 || (code != null && TRANSIENT_CODES.contains(code));
        return new SendFailure(retry, sanitize("SES " + status + (code != null ? " " + code : "")
                + (message != null ? ": " + message : "")));
    }

    /** No answer at all: connection refused, timeouts, broken responses. */
    public static SendFailure classify(Throwable failure) {
        if (failure instanceof SendFailure known) {
            return known;
        }
        Throwable root = rootCause(failure);
        String detail = root == failure ? failure.getClass().getSimpleName()
                : failure.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
        if (failure instanceof IOException || root instanceof IOException) {
            return new SendFailure(true, sanitize(detail + (failure.getMessage() != null ? ": " + failure.getMessage() : "")));
        }
        return new SendFailure(true, sanitize(detail));
    }

    /** Removes addresses and access key ids, and bounds the length. */
    public static String sanitize(String text) {
        if (text == null) {
            return null;
        }
        String clean = EMAIL.matcher(text).replaceAll("<address>");
        clean = ACCESS_KEY.matcher(clean).replaceAll("<key>");
        clean = clean.replaceAll("[\\r\\n\\t]+", " ");
        return clean.length() > MAX_MESSAGE ? clean.substring(0, MAX_MESSAGE) : clean;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable current = e;
        while (current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }
}
