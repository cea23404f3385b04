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
        STORED, REJECTED, UNAUTHORIZED, LIMITED, UNAVAILABLE, FAILED
    }

    private final MeterRegistry registry;
    private final io.vertx.mutiny.sqlclient.Pool pool;
    private final java.util.concurrent.atomic.AtomicReference<double[]> backlog =
            new java.util.concurrent.atomic.AtomicReference<>(new double[] { 0, 0 });

    public DocumentMetrics(MeterRegistry registry, io.vertx.mutiny.sqlclient.Pool pool) {
        this.registry = registry;
        this.pool = pool;
        io.micrometer.core.instrument.Gauge.builder("document_pending", backlog, b -> b.get()[0])
                .description("Documents waiting for extraction or being extracted").register(registry);
        io.micrometer.core.instrument.Gauge.builder("document_oldest_pending_age_seconds", backlog, b -> b.get()[1])
                .description("Age of the oldest document not yet processed").register(registry);
    }

    /** Reads the backlog from the database, so every replica reports the shared truth. */
    @io.quarkus.scheduler.Scheduled(every = "10S")
    io.smallrye.mutiny.Uni<Void> refreshBacklog() {
        return pool.query("""
                SELECT count(*) AS pending, COALESCE(EXTRACT(EPOCH FROM now() - min(uploaded_at)), 0) AS oldest
                FROM document WHERE status IN ('PENDING', 'PROCESSING')
                """).execute()
                .invoke(rows -> {
                    var row = rows.iterator().next();
                    backlog.set(new double[] { row.getLong("pending"), row.getNumeric("oldest").doubleValue() });
                })
                .onFailure().recoverWithNull().replaceWithVoid();
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
