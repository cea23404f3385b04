package dev.intake.notification.client;

import java.util.Set;
import java.util.regex.Pattern;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ses.model.AccountSendingPausedException;

/**
 * Sorts SES failures into transient (throttling, 5xx, timeouts, no connection: retry with backoff) and
 * permanent (the request itself is wrong: rejected message, invalid address, unverified sender). The
 * stored message never carries an address or a key, since SES echoes addresses in its messages.
 */
public final class SesFailures {

    private static final int MAX_MESSAGE = 300;
    private static final Pattern EMAIL = Pattern.compile("[^\\s<>\"',;:()\\[\\]]+@[^\\s<>\"',;:()\\[\\]]+");
    private static final Pattern ACCESS_KEY = Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{12,}\\b");
    /** Codes SES answers with a 4xx although waiting helps. */
    private static final Set<String> TRANSIENT_CODES = Set.of("Throttling", "ThrottlingException",
            "TooManyRequestsException", "LimitExceededException", "ServiceUnavailable", "RequestTimeout");

    private SesFailures() {
    }

    public static SendFailure classify(Throwable failure) {
        if (failure instanceof SendFailure known) {
            return known;
        }
        if (failure instanceof AccountSendingPausedException e) {
            // the account is paused for review: nothing is wrong with the mail, it may go out once resumed
            return new SendFailure(true, describe(e));
        }
        if (failure instanceof AwsServiceException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
            boolean retry = e.isThrottlingException() || e.statusCode() >= 500 || e.statusCode() == 429
                    || (code != null && TRANSIENT_CODES.contains(code));
            return new SendFailure(retry, describe(e));
        }
        if (failure instanceof SdkClientException e) {
            // no answer at all: connection refused, timeouts, broken responses
            Throwable root = rootCause(e);
            String detail = root == e ? e.getClass().getSimpleName()
                    : e.getClass().getSimpleName() + " (" + root.getClass().getSimpleName() + ")";
            return new SendFailure(true, sanitize(detail + ": " + e.getMessage()));
        }
        return new SendFailure(true, failure.getClass().getSimpleName());
    }

    private static String describe(AwsServiceException e) {
        String code = e.awsErrorDetails() != null && e.awsErrorDetails().errorCode() != null
                ? e.awsErrorDetails().errorCode() : e.getClass().getSimpleName();
        String message = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : null;
        return sanitize("SES " + e.statusCode() + " " + code + (message != null ? ": " + message : ""));
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
