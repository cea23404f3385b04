package dev.intake.contact.service;

import java.util.Locale;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;

/** {@code contact_submissions_total{source_kind, outcome}}: both labels come from fixed sets. */
@Singleton
public class SubmissionMetrics {

    public enum SourceKind {
        API, LEGACY
    }

    public enum Outcome {
        CREATED, REPLAYED, INVALID, UNAUTHORIZED, RATE_LIMITED, HONEYPOT, FAILED
    }

    private final MeterRegistry registry;

    public SubmissionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(SourceKind kind, Outcome outcome) {
        registry.counter("contact_submissions_total", "source_kind", kind.name().toLowerCase(Locale.ROOT),
                "outcome", outcome.name().toLowerCase(Locale.ROOT)).increment();
    }

    /** The outcome a failed submission is counted under, from the status it was answered with. */
    public static Outcome outcomeOf(Throwable failure) {
        if (failure instanceof dev.intake.platform.problem.ProblemException problem) {
            return switch (problem.status()) {
                case 400, 422 -> Outcome.INVALID;
                case 401, 403 -> Outcome.UNAUTHORIZED;
                case 429 -> Outcome.RATE_LIMITED;
                default -> Outcome.FAILED;
            };
        }
        return Outcome.FAILED;
    }
}
