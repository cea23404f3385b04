package dev.intake.platform.event;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets what no longer needs remembering: events every subscriber has, and inbox ids past redelivery. */
@Singleton
public class EventRetention {

    private static final Logger LOG = Logger.getLogger(EventRetention.class);

    private final OutboxStore store;
    private final EventsConfig config;

    public EventRetention(OutboxStore store, EventsConfig config) {
        this.store = store;
        this.config = config;
    }

    @Scheduled(every = "1H", delayed = "1M")
    Uni<Void> prune() {
        Uni<Integer> outbox = config.relay().enabled() ? store.prune(config.relay().retention())
                : Uni.createFrom().item(0);
        return outbox.chain(events -> store.pruneInbox(config.inboxRetention()).invoke(ids -> {
            if (events + ids > 0) {
                LOG.debugf("Pruned %d delivered events and %d inbox ids", events, ids);
            }
        })).replaceWithVoid();
    }
}
