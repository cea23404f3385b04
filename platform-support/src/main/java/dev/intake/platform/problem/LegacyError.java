package dev.intake.platform.problem;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The old system's error envelope, kept on its public paths so its clients need no change. */
public record LegacyError(String error, String timestamp) {

    public static LegacyError now(String error) {
        return new LegacyError(error, Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
    }
}
