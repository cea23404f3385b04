package dev.intake.notification.service;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

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
import dev.intake.platform.work.Claimed;
import dev.intake.platform.work.Outcome;
import dev.intake.platform.work.QueueSpec;
import dev.intake.platform.work.QueueTable;
import dev.intake.platform.work.WorkHandler;
import dev.intake.platform.work.WorkSettings;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * Works off the delivery log as the work engine's {@code mail} queue: a claimed batch is checked
 * against the suppression list in one query, then sent through SES (asynchronously, no thread waits),
 * {@code send-concurrency} at a time and no faster than {@code send-rate} per second (the SES
 * account's quota). Transient failures retry with the engine's backoff; permanent ones fail at once;
 * suppressed recipients are dropped.
 */
@Singleton
public class NotificationSender implements WorkHandler<ClaimedMail> {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);

    public static final String QUEUE = "mail";

    static final QueueTable TABLE = new QueueTable("notification", "id", "uuid", "next_attempt_at", "created_at",
            "PENDING", null, "SENT", "FAILED", "last_error", 500, "sent_at", "ses_message_id", List.of(), null,
            NotificationStore.CHANNEL, List.of("template", "recipients", "reply_to", "subject", "body_text",
                    "body_html", "correlation_id"), false);

    private final NotificationStore store;
    private final SesMailer mailer;
    private final NotificationMetrics metrics;
    private final MailConfig.Sender config;
    private final QueueSpec spec;
    private final SendRate rate;

    public NotificationSender(NotificationStore store, SesMailer mailer, NotificationMetrics metrics,
            MailConfig config) {
        this.store = store;
        this.mailer = mailer;
        this.metrics = metrics;
        this.config = config.sender();
        this.spec = new QueueSpec(QUEUE, TABLE, new WorkSettings(this.config.enabled(), this.config.batchSize(), this.config.concurrency(),
                this.config.lease(), this.config.maxAttempts(), this.config.initialBackoff(), this.config.maxBackoff(),
                this.config.pollInterval(), this.config.linger()));
        this.rate = new SendRate(this.config.sendRate());
    }

    @Override
    public QueueSpec queue() {
        return spec;
    }

    /**
     * A mail SES took is recorded SENT within one round of sends: a process killed mid-batch hands again to
     * SES only the mails of the round it was in, not the whole batch's.
     */
    @Override
    public int recordEvery() {
        return Math.max(1, config.sendConcurrency());
    }

    @Override
    public ClaimedMail read(Row r) {
        return NotificationStore.claimedMail(r);
    }

    @Override
    public Uni<List<Outcome>> handle(List<Claimed<ClaimedMail>> batch) {
        List<String> everyone = batch.stream().flatMap(c -> c.item().message().to().stream()).distinct().toList();
        return store.suppressedAmong(everyone).chain(suppressed -> Multi.createFrom().range(0, batch.size())
                .onItem().transformToUni(i -> deliver(batch.get(i).item(), suppressed).map(o -> new Indexed(i, o)))
                .merge(Math.max(1, config.sendConcurrency()))
                .collect().asList()
                .map(done -> {
                    Outcome[] outcomes = new Outcome[batch.size()];
                    done.forEach(d -> outcomes[d.index()] = d.outcome());
                    return List.of(outcomes);
                }));
    }

    private record Indexed(int index, Outcome outcome) {
    }

    private Uni<Outcome> deliver(ClaimedMail mail, Set<String> suppressed) {
        List<String> to = mail.message().to().stream()
                .filter(address -> !suppressed.contains(address.toLowerCase(Locale.ROOT))).toList();
        if (to.isEmpty()) {
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.SUPPRESSED);
            log(mail, Logger.Level.INFO, () -> LOG.infof("Mail %s (%s) suppressed: every recipient is on the suppression list",
                    mail.id(), mail.template()));
            return Uni.createFrom().item(Outcome.ended("SUPPRESSED", "every recipient is on the suppression list"));
        }
        if (!to.stream().allMatch(Addresses::isValid)) {
            // SES would only reject it: fail now, without a call
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.FAILED);
            return Uni.createFrom().item(Outcome.failed("invalid recipient address"));
        }
        MailMessage message = new MailMessage(to, mail.message().replyTo(), mail.message().subject(),
                mail.message().text(), mail.message().html());
        return rate.acquire().chain(() -> {
            long start = System.nanoTime();
            return mailer.send(message)
                    .eventually(() -> metrics.sendTime(mail.template(), Duration.ofNanos(System.nanoTime() - start)));
        }).map(messageId -> {
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.SENT);
            log(mail, Logger.Level.DEBUG, () -> LOG.debugf("Mail %s (%s) sent as SES message %s", mail.id(), mail.template(), messageId));
            return Outcome.done(messageId);
        }).onFailure().recoverWithItem(failure -> failed(mail, SesFailures.classify(failure)));
    }

    private Outcome failed(ClaimedMail mail, SendFailure failure) {
        if (!failure.isTransient()) {
            log(mail, Logger.Level.WARN, () -> LOG.warnf("Mail %s (%s) failed permanently: %s", mail.id(), mail.template(),
                    failure.getMessage()));
            metrics.outcome(mail.template(), NotificationMetrics.Outcome.FAILED);
            return Outcome.failed(failure.getMessage());
        }
        log(mail, Logger.Level.DEBUG, () -> LOG.debugf("Mail %s (%s) failed, to be retried: %s", mail.id(), mail.template(),
                failure.getMessage()));
        metrics.outcome(mail.template(), NotificationMetrics.Outcome.RETRY);
        return Outcome.retry(failure.getMessage());
    }

    /**
     * Logs under the correlation id of the event that caused the mail; a level that is off costs nothing
     * (setting the MDC for every sent mail was 3 % of this service's CPU under load).
     */
    private static void log(ClaimedMail mail, Logger.Level level, Runnable line) {
        if (!LOG.isEnabled(level)) {
            return;
        }
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

    /** Spaces sends evenly to at most {@code perSecond} (0: no limit); a send waits for its slot, none is dropped. */
    static final class SendRate {

        private final long intervalNanos;
        private long next;

        SendRate(double perSecond) {
            this.intervalNanos = perSecond <= 0 ? 0 : (long) (1_000_000_000L / perSecond);
        }

        Uni<Void> acquire() {
            if (intervalNanos == 0) {
                return Uni.createFrom().voidItem();
            }
            long wait;
            synchronized (this) {
                long now = System.nanoTime();
                long slot = Math.max(now, next);
                next = slot + intervalNanos;
                wait = slot - now;
            }
            return wait <= 0 ? Uni.createFrom().voidItem()
                    : Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofNanos(wait));
        }
    }
}
