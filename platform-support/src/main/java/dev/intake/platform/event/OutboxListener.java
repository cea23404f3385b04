package dev.intake.platform.event;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * LISTENs on the channel the outbox trigger NOTIFYs at commit, so the relay starts delivering within
 * milliseconds instead of at the next poll. Reconnects on its own; the poll covers the gaps.
 */
@Singleton
public class OutboxListener {

    static final String CHANNEL = "outbox_delivery";
    private static final Logger LOG = Logger.getLogger(OutboxListener.class);

    private final Vertx vertx;
    private final OutboxRelay relay;
    private final EventsConfig config;
    private final String url;
    private final String user;
    private final String password;
    private PgSubscriber subscriber;

    public OutboxListener(Vertx vertx, OutboxRelay relay, EventsConfig config,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.relay = relay;
        this.config = config;
        this.url = url;
        this.user = user;
        this.password = password;
    }

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        subscriber.channel(CHANNEL).handler(payload -> relay.wakeUp());
        subscriber.connect().onFailure(e -> LOG.warnf("Outbox LISTEN not connected yet (%s); polling meanwhile",
                e.getClass().getSimpleName()));
        relay.wakeUp();
    }

    void stop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
