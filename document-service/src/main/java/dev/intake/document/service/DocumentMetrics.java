package dev.intake.document.service;

import java.time.Duration;
import java.util.Locale;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/** Uploads, bytes and processing outcomes; every label comes from a fixed set. */
@Singleton
public class DocumentMetrics {

    public enum UploadOutcome {
        STORED, REJECTED, UNAUTHORIZED, UNAVAILABLE, FAILED
    }

    private final MeterRegistry registry;

    public DocumentMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void upload(UploadOutcome outcome, long bytes) {
        String label = outcome.name().toLowerCase(Locale.ROOT);
        registry.counter("document_uploads_total", "outcome", label).increment();
        if (bytes > 0) {
            registry.counter("document_upload_bytes_total", "outcome", label).increment(bytes);
        }
    }

    public void processed(String outcome, Duration took) {
        Timer.builder("document_processing_seconds").tag("outcome", outcome)
                .publishPercentiles(0.5, 0.95, 0.99)
                .register(registry).record(took);
    }
}
