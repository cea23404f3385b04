package dev.intake.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import dev.intake.notification.client.Addresses;
import dev.intake.notification.client.SendFailure;
import dev.intake.notification.client.SesFailures;
import dev.intake.notification.client.SesMailer;
import dev.intake.notification.config.MailConfig;
import dev.intake.notification.model.MailMessage;
import dev.intake.notification.repository.ClaimedMail;
import dev.intake.notification.repository.NotificationStore;
import dev.intake.platform.correlation.CorrelationId;
import dev.intake.platform.event.Backoff;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Works off the delivery log: claims due PENDING rows and sends them through SES on worker threads (the
 * SES client blocks). Woken after an event commits and by a poll, which also picks up retries and rows of
 * other replicas. Transient failures retry with exponential backoff and jitter up to
 * {@code max-attempts}; permanent ones fail at once; suppressed recipients are dropped.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    private final NotificationStore store;
    private final SesMailer mailer;
    private final NotificationMetrics metrics;
    private final MailConfig.Sender config;
    private final Backoff backoff;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();

    public NotificationSender(NotificationStore store, SesMailer mailer, NotificationMetrics metrics,
            MailConfig config) {
        this.store = store;
        this.mailer = mailer;
        this.metrics = metrics;
        this.config = config.sender();
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Scheduled(every = "${intake.mail.sender.poll-interval:2S}", delayed = "1S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wakeUp();
    }

    /** Starts a drain unless one runs; a running drain goes round once more so nothing committed is missed. */
    public void wakeUp() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        wokenWhileDraining.set(false);
        drain().subscribe().with(n -> finishDrain(), failure -> {
            LOG.warnf(failure, "Mail sender pass failed");
            finishDrain();
        });
    }

    private void finishDrain() {
        draining.set(false);
        if (wokenWhileDraining.getAndSet(false)) {
            wakeUp();
        }
    }

    /** Claims and sends batches until none is due; returns how many rows were handled. */
    public Uni<Integer> drain() {
        return store.claim(config.batchSize(), config.lease())
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0)
                        : Multi.createFrom().iterable(batch)
                                .onItem().transformToUni(this::deliver).merge(4)
                                .collect().last()
                                .chain(() -> drain()).map(rest -> rest + batch.size()));
    }

    private Uni<Void> deliver(ClaimedMail mail) {
        return store.suppressedAmong(mail.message().to()).chain(suppressed -> {
            List<String> to = mail.message().to().stream()
                    .filter(address -> !suppressed.contains(address.toLowerCase(Locale.ROOT))).toList();
            if (to.isEmpty()) {
                metrics.outcome(mail.template(), NotificationMetrics.Outcome.SUPPRESSED);
                log(mail, () -> LOG.infof("Mail %s (%s) suppressed: every recipient is on the suppression list",
                        mail.id(), mail.template()));
                return store.markSuppressed(mail.id());
            }
            if (!to.stream().allMatch(Addresses::isValid)) {
                // SES would only reject it: fail now, without a call
                metrics.outcome(mail.template(), NotificationMetrics.Outcome.FAILED);
                return store.markFailed(mail.id(), "invalid recipient address", false);
            }
            MailMessage message = new MailMessage(to, mail.message().replyTo(), mail.message().subject(),
                    mail.message().text(), mail.message().html());
            return send(mail, message);
        });
    }

    private Uni<Void> send(ClaimedMail mail, MailMessage message) {
        return Uni.createFrom().item(() -> {
            long start = System.nanoTime();
            try {
                return mailer.send(message);
            } finally {
                metrics.sendTime(mail.template(), Duration.ofNanos(System.nanoTime() - start));
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onItemOrFailure().transformToUni((messageId, failure) -> failure == null
                        ? store.markSent(mail.id(), messageId).invoke(() -> {
                            metrics.outcome(mail.template(), NotificationMetrics.Outcome.SENT);
                            log(mail, () -> LOG.infof("Mail %s (%s) sent as SES message %s", mail.id(),
                                    mail.template(), messageId));
                        })
                        : failed(mail, SesFailures.classify(failure)));
    }

    private Uni<Void> failed(ClaimedMail mail, SendFailure failure) {
        int attempt = mail.attempts() + 1;
        if (!failure.isTransient()) {
            log(mail, () -> LOG.warnf("Mail %s (%s) failed permanently: %s", mail.id(), mail.template(),
                    failure.getMessage()));
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.FAILED);
            return store.markFailed(mail.id(), failure.getMessage(), true);
        }
        if (attempt >= config.maxAttempts()) {
            log(mail, () -> LOG.warnf("Mail %s (%s) failed after %d attempts: %s", mail.id(), mail.template(),
                    attempt, failure.getMessage()));
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.FAILED);
            return store.markFailed(mail.id(), failure.getMessage() + " (gave up after " + attempt + " attempts)",
                    true);
        }
        Duration wait = backoff.after(attempt);
        log(mail, () -> LOG.debugf("Mail %s (%s) attempt %d failed, retry in %s: %s", mail.id(), mail.template(),
                attempt, wait, failure.getMessage()));
        metrics.outcome(mail.template(), NotificationMetrics.Outcome.RETRY);
        return store.markRetry(mail.id(), wait, failure.getMessage());
    }


    /** Logs under the correlation id of the event that caused the mail. */
    private static void log(ClaimedMail mail, Runnable line) {
        if (mail.correlationId() == null) {
            line.run();
            return;
        }
        Object previous = MDC.get(CorrelationId.MDC_KEY);
        MDC.put(CorrelationId.MDC_KEY, mail.correlationId());
        try {
            line.run();
        } finally {
            if (previous != null) {
                MDC.put(CorrelationId.MDC_KEY, previous);
            } else {
                MDC.remove(CorrelationId.MDC_KEY);
            }
        }
    }
}
