package dev.intake.platform.event;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Outbox health for Prometheus: deliveries by subscriber and outcome (both bounded sets), and gauges of
 * the backlog refreshed from the database, so every replica reports the shared truth.
 */
@Singleton
public class OutboxMetrics {

    private final MeterRegistry registry;
    private final OutboxStore store;
    private final AtomicReference<OutboxStore.OutboxStats> last =
            new AtomicReference<>(new OutboxStore.OutboxStats(0, 0, 0));

    public OutboxMetrics(MeterRegistry registry, OutboxStore store) {
        this.registry = registry;
        this.store = store;
        Gauge.builder("outbox_pending_deliveries", last, s -> s.get().pending())
                .description("Outbox deliveries not yet accepted by their subscriber").register(registry);
        Gauge.builder("outbox_oldest_pending_age_seconds", last, s -> s.get().oldestPendingAgeSeconds())
                .description("Age of the oldest undelivered event").register(registry);
        Gauge.builder("outbox_dead_letters", last, s -> s.get().deadLetters())
                .description("Deliveries given up on; replay them through the admin API").register(registry);
    }

    void delivered(String subscriber, DeliveryOutcome outcome) {
        Counter.builder("outbox_deliveries_total").tag("subscriber", subscriber)
                .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT))
                .description("Delivery attempts by outcome").register(registry).increment();
    }

    @Scheduled(every = "${intake.events.metrics-interval:10S}")
    Uni<Void> refresh() {
        return store.stats().invoke(last::set).onFailure().recoverWithNull().replaceWithVoid();
    }
}
