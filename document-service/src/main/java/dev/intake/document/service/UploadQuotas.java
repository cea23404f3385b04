package dev.intake.document.service;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Singleton;

import dev.intake.document.config.DocumentConfig;
import dev.intake.document.repository.ContactUploadUsage;
import dev.intake.platform.http.FixedWindows;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.work.WorkEngine;
import io.quarkus.scheduler.Scheduled;

/**
 * Admission of an authorised upload before any of its bytes are sniffed or stored: uploads per token (or
 * old-path API key) per window, files and bytes per contact per period (429 with Retry-After), and the
 * processing backlog's cap (503 with Retry-After). Each refusal names the limit it hit.
 */
@Singleton
public class UploadQuotas {

    private final DocumentConfig.Quota config;
    private final FixedWindows perToken;
    private final ContactUploadUsage usage;
    private final WorkEngine engine;
    private final DocumentProcessor processor;
    private volatile BacklogRead lastBacklog;

    public UploadQuotas(DocumentConfig config, ContactUploadUsage usage, WorkEngine engine, DocumentProcessor processor) {
        this.config = config.quota();
        this.perToken = new FixedWindows(this.config.tokenWindow(), Clock.systemUTC());
        this.usage = usage;
        this.engine = engine;
        this.processor = processor;
    }

    /** Throws 429/503 when the upload may not go ahead; runs on a worker thread. */
    public void admit(UploadRequest request) {
        if (request.rateBucket() != null) {
            long wait = perToken.take(request.rateBucket(), config.uploadsPerToken());
            if (wait > 0) {
                throw tooMany("uploads-per-token", "at most " + config.uploadsPerToken() + " uploads per "
                        + describe(config.tokenWindow()) + " with one upload token or API key", wait);
            }
        }
        if (backlog() >= config.maxBacklog()) {
            throw new ProblemException(503, "Service unavailable",
                    "Too many documents are waiting for processing (limit max-backlog " + config.maxBacklog()
                            + "); nothing was stored. Please retry later.")
                    .withHeader("Retry-After", Long.toString(Math.max(1, config.backlogRetryAfter().toSeconds())));
        }
        if (!request.admin()) {
            checkContact(request.contactId(), request.size());
        }
    }

    /** The backlog as read at most {@code backlog-read-interval} ago: one count per interval, not per upload. */
    private long backlog() {
        long now = System.nanoTime();
        BacklogRead last = lastBacklog;
        if (last != null && now - last.at() < config.backlogReadInterval().toNanos()) {
            return last.count();
        }
        long count = OnVertxContext.await(() -> engine.backlog(processor.queue()));
        lastBacklog = new BacklogRead(count, now);
        return count;
    }

    private record BacklogRead(long count, long at) {
    }

    private void checkContact(UUID contactId, long size) {
        var used = OnVertxContext.await(() -> usage.within(contactId, config.contactPeriod()));
        String period = describe(config.contactPeriod());
        if (used.files() + 1 > config.filesPerContact()) {
            throw tooMany("files-per-contact", "at most " + config.filesPerContact() + " files per contact per " + period,
                    untilOldestAgesOut(used.oldest()));
        }
        if (used.bytes() + size > config.bytesPerContact()) {
            throw tooMany("bytes-per-contact", "at most " + config.bytesPerContact() + " bytes per contact per " + period
                    + " (" + used.bytes() + " used)", untilOldestAgesOut(used.oldest()));
        }
    }

    private long untilOldestAgesOut(OffsetDateTime oldest) {
        if (oldest == null) {
            // a single file larger than the whole quota: it will never fit
            return Math.max(1, config.contactPeriod().toSeconds());
        }
        long seconds = Duration.between(OffsetDateTime.now(), oldest.plus(config.contactPeriod())).toSeconds() + 1;
        return Math.max(1, seconds);
    }

    private static ProblemException tooMany(String limit, String rule, long retryAfter) {
        return new ProblemException(429, "Too many requests", "Upload quota reached (" + limit + "): " + rule
                + "; nothing was stored.", List.of(new Problem.FieldError("file", "quota " + limit + " reached: " + rule)))
                .withHeader("Retry-After", Long.toString(retryAfter));
    }

    private static String describe(Duration d) {
        return d.toSeconds() % 3600 == 0 ? d.toHours() + " h" : d.toSeconds() % 60 == 0 ? d.toMinutes() + " min"
                : d.toSeconds() + " s";
    }

    @Scheduled(every = "1M")
    void forgetExpiredWindows() {
        perToken.forgetExpired();
    }
}
