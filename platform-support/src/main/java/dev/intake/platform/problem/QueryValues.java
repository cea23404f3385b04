package dev.intake.platform.problem;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** Parses query parameters, answering 400 with the parameter's name and the reason when one is wrong. */
public final class QueryValues {

    /** The deepest row a page may start at: deeper offsets would scan more than any page is worth. */
    public static final long MAX_OFFSET = 1_000_000;
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999Z");

    private QueryValues() {
    }

    public static int integer(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badField(field, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " on" : " to " + max));
    }

    /** A 0-based page of a size: its first row must lie within {@link #MAX_OFFSET}. */
    public static void requireReachable(String pageField, int page, int size) {
        if ((long) page * size > MAX_OFFSET) {
            throw ProblemException.badField(pageField, "page × size must be at most " + MAX_OFFSET + "; narrow the filters");
        }
    }

    /**
     * An ISO-8601 instant ({@code 2026-12-01T10:00:00Z}, an offset allowed) or a date (the start of that day,
     * UTC; with {@code endOfDay}, its last millisecond), within the years 1 to 9999; null when absent.
     */
    public static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                LocalDate day = LocalDate.parse(text);
                instant = endOfDay ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                        : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            } else {
                instant = java.time.OffsetDateTime.parse(text).toInstant();
            }
        } catch (DateTimeParseException | ArithmeticException e) {
            throw ProblemException.badField(field, "must be a date (2026-12-01) or an ISO-8601 instant (2026-12-01T10:00:00Z)");
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw ProblemException.badField(field, "must lie between the years 1 and 9999");
        }
        return instant;
    }
}
