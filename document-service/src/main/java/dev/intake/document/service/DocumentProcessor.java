package dev.intake.document.service;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.document.config.DocumentConfig;
import dev.intake.document.config.StorageConfig;
import dev.intake.document.event.DocumentEvents;
import dev.intake.document.insight.InsightAnalyzer;
import dev.intake.document.insight.Insights;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.platform.event.Blocking;
import dev.intake.platform.event.Outbox;
import dev.intake.platform.work.Claimed;
import dev.intake.platform.work.Outcome;
import dev.intake.platform.work.QueueSpec;
import dev.intake.platform.work.QueueTable;
import dev.intake.platform.work.WorkHandler;
import dev.intake.platform.work.WorkSettings;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * The work engine's {@code documents} queue: extracts text and insights from each claimed document on a
 * worker thread and records the outcome together with {@code document.processed}. Contacts take turns
 * (the queue's fairness key), so one contact's 500 files do not hold back everybody else's. A final
 * outcome (completed, failed for good, attempts used up, or a worker lost every time) is written by
 * this handler in one transaction with its event, fenced by the claim's lease.
 */
@Singleton
public class DocumentProcessor implements WorkHandler<UUID> {

    private static final Logger LOG = Logger.getLogger(DocumentProcessor.class);

    public static final String QUEUE = "documents";

    static final QueueTable TABLE = new QueueTable("document", "id", "uuid", "uploaded_at", "uploaded_at", "PENDING",
            "PROCESSING", "COMPLETED", "FAILED", "failure_reason", 500, "processed_at", null, List.of(), "contact_id",
            "document_pending", List.of(), false);

    private final MinioClient storage;
    private final StorageConfig storageConfig;
    private final DocumentConfig.Processing config;
    private final TextExtractor extractor;
    private final InsightAnalyzer analyzer;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final DocumentMetrics metrics;
    private final Blocking blocking;
    private final QueueSpec spec;

    public DocumentProcessor(MinioClient storage, StorageConfig storageConfig, DocumentConfig config,
            TextExtractor extractor, InsightAnalyzer analyzer, Outbox outbox, ObjectMapper json,
            DocumentMetrics metrics, Blocking blocking) {
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.config = config.processing();
        this.extractor = extractor;
        this.analyzer = analyzer;
        this.outbox = outbox;
        this.json = json;
        this.metrics = metrics;
        this.blocking = blocking;
        this.spec = new QueueSpec(QUEUE, TABLE, new WorkSettings(this.config.enabled(), 1, this.config.concurrency(), this.config.lease(),
                this.config.maxAttempts(), this.config.initialBackoff(), this.config.maxBackoff(),
                this.config.pollInterval(), java.time.Duration.ZERO));
    }

    @Override
    public QueueSpec queue() {
        return spec;
    }

    @Override
    public UUID read(Row row) {
        return row.getUUID("work_id");
    }

    @Override
    public Uni<List<Outcome>> handle(List<Claimed<UUID>> batch) {
        return Multi.createFrom().iterable(batch).onItem().transformToUniAndConcatenate(this::process)
                .collect().asList();
    }

    @Override
    public Uni<List<Outcome>> exhausted(List<Claimed<UUID>> items, String reason) {
        return Multi.createFrom().iterable(items)
                .onItem().transformToUniAndConcatenate(item -> Panache.withSession(() -> Document.<Document>findById(item.item()))
                        .chain(document -> document == null ? Uni.createFrom().item(Outcome.failed(reason))
                                : fail(document, item.lease(), reason).replaceWith(Outcome.failed(reason))))
                .collect().asList();
    }

    private Uni<Outcome> process(Claimed<UUID> claimed) {
        Instant started = Instant.now();
        return Panache.withSession(() -> Document.<Document>findById(claimed.item())).chain(document -> {
            if (document == null) {
                return Uni.createFrom().item(Outcome.done());
            }
            return blocking.call(() -> extract(document))
                    .chain(result -> complete(document, claimed.lease(), result.extraction(), result.insights())
                            .invoke(() -> metrics.processed("completed", Duration.between(started, Instant.now())))
                            .replaceWith(Outcome.done()))
                    .onFailure(ExtractionFailure.class).recoverWithUni(failure -> {
                        ExtractionFailure f = (ExtractionFailure) failure;
                        metrics.processed("failed", Duration.between(started, Instant.now()));
                        return finalOrRetry(document, claimed, f.getMessage(), f.permanent());
                    })
                    .onFailure(e -> !(e instanceof ExtractionFailure)).recoverWithUni(failure -> {
                        // storage unreachable, object missing, database hiccup: worth another attempt
                        LOG.warnf("Processing %s failed: %s", document.id, failure.getClass().getSimpleName());
                        metrics.processed("retried", Duration.between(started, Instant.now()));
                        return finalOrRetry(document, claimed,
                                "temporary failure (" + failure.getClass().getSimpleName() + ")", false);
                    });
        });
    }

    private record Result(Extraction extraction, Insights insights) {
    }

    private Result extract(Document document) throws Exception {
        try (InputStream content = storage.getObject(GetObjectArgs.builder().bucket(storageConfig.bucket())
                .object(document.storageKey).build())) {
            Extraction extraction = extractor.extract(content, document.sizeBytes, document.contentType);
            return new Result(extraction, analyzer.analyze(extraction.text(), extraction.facts()));
        }
    }

    /** A permanent failure or the last attempt ends the document (with its event); otherwise it waits for the next. */
    private Uni<Outcome> finalOrRetry(Document document, Claimed<UUID> claimed, String reason, boolean permanent) {
        if (!permanent && claimed.attempt() < spec.settings().maxAttempts()) {
            return Uni.createFrom().item(Outcome.retry(reason));
        }
        String finalReason = permanent ? reason : reason + " (gave up after " + claimed.attempt() + " attempts)";
        return fail(document, claimed.lease(), finalReason).replaceWith(Outcome.failed(finalReason));
    }

    private Uni<Void> complete(Document document, OffsetDateTime lease, Extraction extraction, Insights insights) {
        Map<String, Object> stored = json.convertValue(insights, new TypeReference<Map<String, Object>>() {
        });
        stored.put("truncated", extraction.truncated());
        if (extraction.ocr() != null) {
            stored.put("ocr", extraction.ocr());
        }
        String insightsJson;
        try {
            insightsJson = json.writeValueAsString(stored);
        } catch (Exception e) {
            return Uni.createFrom().failure(e);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        UPDATE document SET status = 'COMPLETED', processed_at = :now, failure_reason = NULL,
                               insights = CAST(CAST(:insights AS text) AS jsonb), extracted_text = :text
                        WHERE id = :id AND claimed_until = :lease
                        """).setParameter("now", now).setParameter("insights", insightsJson)
                        .setParameter("text", extraction.text()).setParameter("id", document.id)
                        .setParameter("lease", lease).executeUpdate())
                .chain(updated -> {
                    if (updated == 0) {
                        LOG.debugf("Document %s was taken over or removed while it was processed", document.id);
                        return Uni.createFrom().voidItem();
                    }
                    document.status = DocumentStatus.COMPLETED;
                    document.processedAt = now;
                    document.failureReason = null;
                    return outbox.publish("document", document.id.toString(), DocumentEvents.PROCESSED, 1,
                            DocumentEvents.Processed.of(document, insights, extraction.text())).replaceWithVoid();
                })).invoke(outbox::committed);
    }

    private Uni<Void> fail(Document document, OffsetDateTime lease, String reason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String cut = TABLE.cut(reason);
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                        UPDATE document SET status = 'FAILED', processed_at = :now, failure_reason = :reason
                        WHERE id = :id AND claimed_until = :lease
                        """).setParameter("now", now).setParameter("reason", cut).setParameter("id", document.id)
                        .setParameter("lease", lease).executeUpdate())
                .chain(updated -> {
                    if (updated == 0) {
                        return Uni.createFrom().voidItem();
                    }
                    document.status = DocumentStatus.FAILED;
                    document.processedAt = now;
                    document.failureReason = cut;
                    return outbox.publish("document", document.id.toString(), DocumentEvents.PROCESSED, 1,
                            DocumentEvents.Processed.of(document, null, null)).replaceWithVoid();
                })).invoke(outbox::committed);
    }
}
