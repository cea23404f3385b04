package dev.intake.notification.rest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.QueryValues;

/** Parses query and path parameters, answering 400 with the field's name when one is wrong. */
final class QueryParams {

    private QueryParams() {
    }

    static int integer(String field, String value, int defaultValue, int min, int max) {
        return QueryValues.integer(field, value, defaultValue, min, max);
    }

    /** An ISO-8601 date-time with offset ({@code 2026-12-01T10:00:00Z}) or a date (midnight UTC), years 1 to 9999. */
    static OffsetDateTime instant(String field, String value) {
        java.time.Instant instant = QueryValues.instant(field, value, false);
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static <E extends Enum<E>> E enumValue(String field, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badField(field, "must be a UUID");
        }
    }
}
