package dev.intake.platform.correlation;

import java.util.UUID;
import java.util.regex.Pattern;

/** The correlation id that follows one request through logs, REST calls and events. */
public final class CorrelationId {

    public static final String HEADER = "X-Correlation-ID";
    public static final String MDC_KEY = "correlationId";

    // Accepting any header value would let a caller inject newlines or markup into our logs.
    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    /** Returns the caller's id when it is safe to log, otherwise a fresh one. */
    public static String acceptOrGenerate(String candidate) {
        if (candidate != null && ACCEPTED.matcher(candidate).matches()) {
            return candidate;
        }
        return generate();
    }

    public static String generate() {
        return UUID.randomUUID().toString();
    }
}
