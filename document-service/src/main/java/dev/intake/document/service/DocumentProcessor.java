package dev.intake.document.service;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.document.config.DocumentConfig;
import dev.intake.document.config.StorageConfig;
import dev.intake.document.event.DocumentEvents;
import dev.intake.document.insight.InsightAnalyzer;
import dev.intake.document.insight.Insights;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.platform.event.Outbox;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The processing worker: claims due documents (SKIP LOCKED, safe with replicas; a crashed worker's
 * claim expires after the lease), extracts text and insights on a bounded pool, and records the outcome
 * together with {@code document.processed}.
 */
@ApplicationScoped
public class DocumentProcessor {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);

    private static final String CLAIM = """
            UPDATE document d SET status = 'PROCESSING', attempts = d.attempts + 1,
                   claimed_until = now() + $2 * interval '1 millisecond'
            FROM (SELECT id FROM document
                  WHERE (status = 'PENDING' AND next_attempt_at <= now())
                     OR (status = 'PROCESSING' AND claimed_until < now())
                  ORDER BY uploaded_at
                  LIMIT $1
                  FOR UPDATE SKIP LOCKED) due
            WHERE d.id = due.id
            RETURNING d.id
            """;

    private final Pool pool;
    private final MinioClient storage;
    private final StorageConfig storageConfig;
    private final DocumentConfig.Processing config;
    private final TextExtractor extractor;
    private final InsightAnalyzer analyzer;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final DocumentMetrics metrics;
    private final ExecutorService workers;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.concurrent.atomic.AtomicBoolean claiming = new java.util.concurrent.atomic.AtomicBoolean();

    public DocumentProcessor(Pool pool, MinioClient storage, StorageConfig storageConfig, DocumentConfig config,
            TextExtractor extractor, InsightAnalyzer analyzer, Outbox outbox, ObjectMapper json,
            DocumentMetrics metrics) {
        this.pool = pool;
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.config = config.processing();
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.outbox = outbox;
        this.json = json;
        this.metrics = metrics;
        this.workers = Executors.newFixedThreadPool(this.config.concurrency(), r -> {
            Thread thread = new Thread(r, "document-processor");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Scheduled(every = "${intake.document.processing.poll-interval:2S}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP, skipExecutionIf = ProcessingDisabled.class)
    void poll() {
        wakeUp();
    }

    /**
     * Claims as many due documents as there are free workers. Called by the schedule, after an upload
     * commits and whenever a worker finishes, so a queue drains without waiting for the next poll.
     */
    public void wakeUp() {
        if (!config.enabled() || !claiming.compareAndSet(false, true)) {
            return;
        }
        try {
            int free = config.concurrency() - inFlight.get();
            if (free <= 0) {
                return;
            }
            for (UUID id : claim(free)) {
                inFlight.incrementAndGet();
                workers.execute(() -> {
                    try {
                        process(id);
                    } finally {
                        inFlight.decrementAndGet();
                        wakeUp();
                    }
                });
            }
        } catch (RuntimeException e) {
            LOG.warnf("Claiming documents failed: %s", e.getClass().getSimpleName());
        } finally {
            claiming.set(false);
        }
    }

    List<UUID> claim(int limit) {
        List<UUID> ids = new java.util.ArrayList<>();
        for (Row row : pool.preparedQuery(CLAIM).execute(Tuple.of(limit, config.lease().toMillis()))
                .await().atMost(Duration.ofSeconds(10))) {
            ids.add(row.getUUID("id"));
        }
        return ids;
    }

    void process(UUID id) {
        Instant started = Instant.now();
        Document document = OnVertxContext.await(() -> Panache.withSession(() -> Document.<Document>findById(id)));
        if (document == null) {
            return;
        }
        try (InputStream content = storage.getObject(GetObjectArgs.builder().bucket(storageConfig.bucket())
                .object(document.storageKey).build())) {
            Extraction extraction = extractor.extract(content, document.contentType, document.storedFilename);
            Insights insights = analyzer.analyze(extraction.text(), extraction.facts());
            complete(document, extraction, insights);
            metrics.processed("completed", Duration.between(started, Instant.now()));
        } catch (ExtractionFailure failure) {
            fail(document, failure.getMessage(), failure.permanent());
            metrics.processed("failed", Duration.between(started, Instant.now()));
        } catch (Exception e) {
            // storage unreachable, object missing, database hiccup: worth another attempt
            LOG.warnf("Processing %s failed: %s", id, e.getClass().getSimpleName());
            fail(document, "temporary failure (" + e.getClass().getSimpleName() + ")", false);
            metrics.processed("retried", Duration.between(started, Instant.now()));
        }
    }

    private void complete(Document document, Extraction extraction, Insights insights) throws Exception {
        java.util.Map<String, Object> stored = json.convertValue(insights,
                new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, Object>>() {
                });
        stored.put("truncated", extraction.truncated());
        if (extraction.ocr() != null) {
            stored.put("ocr", extraction.ocr());
        }
        String insightsJson = json.writeValueAsString(stored);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        OnVertxContext.await(() -> Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        UPDATE document SET status = 'COMPLETED', processed_at = :now, failure_reason = NULL,
                               claimed_until = NULL, insights = CAST(CAST(:insights AS text) AS jsonb), extracted_text = :text
                        WHERE id = :id
                        """).setParameter("now", now).setParameter("insights", insightsJson)
                        .setParameter("text", extraction.text()).setParameter("id", document.id).executeUpdate())
                .chain(() -> {
                    document.status = DocumentStatus.COMPLETED;
                    document.processedAt = now;
                    document.failureReason = null;
                    return outbox.publish("document", document.id.toString(), DocumentEvents.PROCESSED, 1,
                            DocumentEvents.Processed.of(document, insights, extraction.text()));
                })));
    }

    private void fail(Document document, String reason, boolean permanent) {
        boolean giveUp = permanent || document.attempts + 1 >= config.maxAttempts();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        long backoffSeconds = Math.min(3600, 30L << Math.min(10, document.attempts));
        try {
            OnVertxContext.await(() -> Panache.withTransaction(() -> Panache.getSession()
                    .chain(session -> {
                        var update = session.createNativeQuery(giveUp ? """
                                UPDATE document SET status = 'FAILED', processed_at = :now, failure_reason = :reason,
                                       claimed_until = NULL WHERE id = :id
                                """ : """
                                UPDATE document SET status = 'PENDING', failure_reason = :reason, claimed_until = NULL,
                                       next_attempt_at = :now + make_interval(secs => :backoff) WHERE id = :id
                                """).setParameter("now", now).setParameter("reason", reason).setParameter("id", document.id);
                        if (!giveUp) {
                            update.setParameter("backoff", (double) backoffSeconds);
                        }
                        return update.executeUpdate();
                    })
                    .chain(() -> {
                        if (!giveUp) {
                            return io.smallrye.mutiny.Uni.createFrom().voidItem();
                        }
                        document.status = DocumentStatus.FAILED;
                        document.processedAt = now;
                        document.failureReason = reason;
                        return outbox.publish("document", document.id.toString(), DocumentEvents.PROCESSED, 1,
                                DocumentEvents.Processed.of(document, null, null)).replaceWithVoid();
                    })));
        } catch (Throwable e) {
            // the claim expires and another attempt follows
            LOG.warnf("Could not record the failure of %s: %s", document.id, e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
