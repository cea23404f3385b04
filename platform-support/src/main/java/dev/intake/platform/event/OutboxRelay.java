package dev.intake.platform.event;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Vertx;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Delivers pending outbox rows to their subscribers: woken by NOTIFY when deliveries commit, by a timer
 * when a retry falls due, and by a poll as a safety net (other replicas' retries, missed notifications). Each wake-up drains batch after batch until nothing is due. Failures are retried
 * with backoff and end as dead letters after {@code max-attempts}; rejected events die at once.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final Vertx vertx;
    private final OutboxStore store;
    private final EventSender sender;
    private final EventsConfig.Relay config;
    private final OutboxMetrics metrics;
    private final Backoff backoff;
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean wokenWhileDraining = new AtomicBoolean();

    public OutboxRelay(OutboxStore store, EventSender sender, EventsConfig config, OutboxMetrics metrics, Vertx vertx) {
        this.vertx = vertx;
        this.store = store;
        this.sender = sender;
        this.config = config.relay();
        this.metrics = metrics;
        this.backoff = new Backoff(this.config.initialBackoff(), this.config.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Scheduled(every = "${intake.events.relay.poll-interval:1S}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = RelayDisabled.class)
    void poll() {
        wakeUp();
    }

    @Scheduled(every = "1H", delayed = "1M", skipExecutionIf = RelayDisabled.class)
    Uni<Void> prune() {
        return store.prune(config.retention()).invoke(n -> {
            if (n > 0) {
                LOG.debugf("Pruned %d delivered events", n);
            }
        }).replaceWithVoid();
    }

    /** Starts a drain unless one runs; a drain in progress runs once more so nothing committed is missed. */
    public void wakeUp() {
        if (!draining.compareAndSet(false, true)) {
            wokenWhileDraining.set(true);
            return;
        }
        wokenWhileDraining.set(false);
        drain().subscribe().with(count -> finishDrain(), failure -> {
            LOG.warnf(failure, "Outbox relay pass failed: %s", failure.getClass().getSimpleName());
            finishDrain();
        });
    }

    private void finishDrain() {
        draining.set(false);
        if (wokenWhileDraining.getAndSet(false)) {
            wakeUp();
        }
    }

    /** Claims and delivers batches until none is due; returns how many deliveries were attempted. */
    public Uni<Integer> drain() {
        return drainOnce().chain(n -> n == 0 ? Uni.createFrom().item(0) : drain().map(rest -> rest + n));
    }

    /** One claimed batch, delivered; in order per aggregate because a batch holds one event per aggregate. */
    public Uni<Integer> drainOnce() {
        return store.claim(config.batchSize(), config.lease())
                .invoke(batch -> LOG.debugf("Claimed %d deliveries", batch.size()))
                .chain(batch -> deliverAll(batch).replaceWith(batch.size()));
    }

    private Uni<Void> deliverAll(List<ClaimedDelivery> batch) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUni(this::deliver).merge(8)
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> deliver(ClaimedDelivery delivery) {
        return store.payload(delivery.eventId()).chain(payload -> sender.send(delivery, payload))
                .onItemOrFailure().transformToUni((status, failure) -> {
                    LOG.debugf("Delivery of %s to %s: %s", delivery.eventId(), delivery.subscriber(),
                            failure != null ? failure.toString() : status);
                    if (failure != null) {
                        return retryOrBury(delivery, failure.getClass().getSimpleName());
                    }
                    return switch (DeliveryOutcome.ofStatus(status)) {
                        case DELIVERED -> store.markDelivered(delivery)
                                .invoke(() -> metrics.delivered(delivery.subscriber(), DeliveryOutcome.DELIVERED));
                        case REJECTED -> store.markDead(delivery, "rejected with HTTP " + status)
                                .invoke(() -> metrics.delivered(delivery.subscriber(), DeliveryOutcome.REJECTED));
                        case RETRY -> retryOrBury(delivery, "HTTP " + status);
                    };
                });
    }

    private Uni<Void> retryOrBury(ClaimedDelivery delivery, String error) {
        metrics.delivered(delivery.subscriber(), DeliveryOutcome.RETRY);
        if (delivery.attempt() >= config.maxAttempts()) {
            LOG.warnf("Event %s to %s is a dead letter after %d attempts (%s)", delivery.eventId(),
                    delivery.subscriber(), delivery.attempt(), error);
            return store.markDead(delivery, error + " after " + delivery.attempt() + " attempts");
        }
        Duration wait = backoff.after(delivery.attempt());
        return store.markRetry(delivery, wait, error)
                .invoke(() -> vertx.setTimer(Math.max(1, wait.toMillis()), id -> wakeUp()));
    }
}
