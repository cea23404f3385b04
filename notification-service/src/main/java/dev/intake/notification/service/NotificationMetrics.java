package dev.intake.notification.service;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import dev.intake.notification.repository.NotificationStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Mail metrics. Labels are the template (a fixed set) and the outcome (sent, retry, failed, suppressed),
 * never an address or a subject. The backlog gauges are read from the database, so every replica reports
 * the shared truth.
 */
@Singleton
public class NotificationMetrics {

    public enum Outcome {
        SENT, RETRY, FAILED, SUPPRESSED
    }

    private final MeterRegistry registry;
    private final NotificationStore store;
    private final AtomicReference<NotificationStore.Backlog> backlog =
            new AtomicReference<>(new NotificationStore.Backlog(0, 0));

    public NotificationMetrics(MeterRegistry registry, NotificationStore store) {
        this.registry = registry;
        this.store = store;
        Gauge.builder("notification_pending_mails", backlog, b -> b.get().pending())
                .description("Mails in the delivery log not sent yet").register(registry);
        Gauge.builder("notification_retry_backlog", backlog, b -> b.get().retrying())
                .description("Pending mails waiting for a retry after a transient SES failure").register(registry);
    }

    public void outcome(String template, Outcome outcome) {
        Counter.builder("notification_mails_total").tag("template", template)
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .description("Mail attempts by template and outcome").register(registry).increment();
    }

    public void sendTime(String template, Duration elapsed) {
        Timer.builder("notification_send_seconds").tag("template", template)
                .description("Time of one SES send call").register(registry).record(elapsed);
    }

    @Scheduled(every = "${intake.mail.sender.metrics-interval:10S}")
    Uni<Void> refresh() {
        return store.backlog().invoke(backlog::set).onFailure().recoverWithNull().replaceWithVoid();
    }
}
