package dev.intake.search.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.QueryValues;

/**
 * Builds Meilisearch filter expressions from an allow-list: each filter has a fixed attribute, its
 * values must match a strict pattern, and they are quoted and escaped on top of that. Nothing a client
 * sends is ever pasted into an expression as is.
 */
public final class Filters {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z0-9_-]{1,50}");
    private static final Pattern EXTENSION = Pattern.compile("\\.?[A-Za-z0-9]{1,10}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?");
    private static final Set<String> STATUSES = Set.of("COMPLETED", "FAILED", "PENDING", "PROCESSING");

    private final List<String> expressions = new ArrayList<>();

    public List<String> expressions() {
        return List.copyOf(expressions);
    }

    public String[] toArray() {
        return expressions.toArray(String[]::new);
    }

    public Filters documentType(String field, List<String> values) {
        return anyOf(field, "documentType", values, v -> TYPE.matcher(v).matches() ? v : null,
                "must be letters, digits, '_' or '-' (at most 50)");
    }

    public Filters status(String field, List<String> values) {
        return anyOf(field, "status", values, v -> {
            String upper = v.toUpperCase(Locale.ROOT);
            return STATUSES.contains(upper) ? upper : null;
        }, "must be one of COMPLETED, FAILED, PENDING, PROCESSING");
    }

    public Filters contactId(String field, List<String> values) {
        return anyOf(field, "contactId", values, Filters::uuid, "must be a UUID");
    }

    public Filters extension(String field, List<String> values) {
        return anyOf(field, "fileExtension", values,
                v -> EXTENSION.matcher(v).matches() ? IndexEntries.extension(v) : null,
                "must be a file extension such as pdf");
    }

    public Filters language(String field, List<String> values) {
        return anyOf(field, "language", values, v -> LANGUAGE.matcher(v).matches() ? v : null,
                "must be a language code such as en or pt-BR");
    }

    /** Inclusive lower bound; a date means the start of that day (UTC). */
    public Filters uploadedFrom(String field, String value) {
        if (value != null && !value.isBlank()) {
            expressions.add("uploadedAt >= " + instant(field, value, false).toEpochMilli());
        }
        return this;
    }

    /** Inclusive upper bound; a date means the whole of that day (UTC). */
    public Filters uploadedTo(String field, String value) {
        if (value != null && !value.isBlank()) {
            expressions.add("uploadedAt <= " + instant(field, value, true).toEpochMilli());
        }
        return this;
    }

    /** A quoted Meilisearch string literal: backslashes and quotes escaped. */
    public static String quote(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private Filters anyOf(String field, String attribute, List<String> values,
            java.util.function.UnaryOperator<String> normalize, String message) {
        if (values == null || values.isEmpty()) {
            return this;
        }
        List<String> accepted = new ArrayList<>();
        for (String raw : values) {
            for (String value : raw.split(",")) {
                String trimmed = value.strip();
                if (trimmed.isEmpty()) {
                    continue;
                }
                String normalized = normalize.apply(trimmed);
                if (normalized == null) {
                    throw ProblemException.badField(field, message);
                }
                accepted.add(normalized);
            }
        }
        if (accepted.size() > 20) {
            throw ProblemException.badField(field, "at most 20 values");
        }
        if (!accepted.isEmpty()) {
            expressions.add(attribute + " IN ["
                    + accepted.stream().distinct().map(Filters::quote).collect(Collectors.joining(", ")) + "]");
        }
        return this;
    }

    private static String uuid(String value) {
        try {
            return UUID.fromString(value).toString().equals(value.toLowerCase(Locale.ROOT)) ? value.toLowerCase(Locale.ROOT) : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Instant instant(String field, String value, boolean endOfDay) {
        return QueryValues.instant(field, value, endOfDay);
    }
}
