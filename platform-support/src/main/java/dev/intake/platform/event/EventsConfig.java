package dev.intake.platform.event;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Who receives which events, and how hard the relay tries. */
@ConfigMapping(prefix = "intake.events")
public interface EventsConfig {

    /** Subscribers by name (bounded: the name is a metric label): where to POST, which types, with which token. */
    Map<String, Subscriber> subscribers();

    Relay relay();

    /** How often the backlog gauges are read from the database. */
    @WithDefault("10S")
    Duration metricsInterval();

    /** How long processed event ids stay in the inbox to recognise redeliveries. */
    @WithDefault("30D")
    Duration inboxRetention();

    interface Subscriber {

        /** The consumer's event endpoint, e.g. {@code http://search-service:8083/internal/events}. */
        String url();

        List<String> types();

        /**
         * The token of this producer→subscriber pair, sent as {@code X-Service-Token}; the subscriber knows it
         * as {@code intake.service-tokens.<this service>.token}.
         */
        String token();
    }

    interface Relay {

        @WithDefault("true")
        boolean enabled();

        /** How often every replica looks for due deliveries; the producing replica wakes its own relay at commit ({@code Outbox.committed}). */
        @WithDefault("1S")
        Duration pollInterval();

        /**
         * How long the relay waits for more events before it claims a batch that is not full: fewer, fuller
         * requests (and consumer transactions) under a steady stream, for at most this much added latency.
         */
        @WithDefault("100MS")
        Duration linger();

        /** Deliveries claimed at once; split into requests per subscriber. */
        @WithDefault("200")
        int batchSize();

        /** Claimed batches in flight at once. */
        @WithDefault("2")
        int concurrency();

        /** Events in one request to a subscriber. */
        @WithDefault("100")
        int maxEventsPerRequest();

        /**
         * Stored (compressed) payload bytes in one request; a larger event goes alone. Bounds the memory a
         * batch of large payloads (document texts) takes.
         */
        @WithDefault("1048576")
        long maxRequestBytes();

        /** A claim older than this is taken to be from a crashed relay and claimed again (above the request timeout). */
        @WithDefault("60S")
        Duration lease();

        /**
         * How long a consumer may take for one request. A batch is applied in one go, handlers included
         * (index writes wait for the search engine's task queue): too short a wait cancels it over and over.
         */
        @WithDefault("30S")
        Duration requestTimeout();

        @WithDefault("1S")
        Duration initialBackoff();

        @WithDefault("10M")
        Duration maxBackoff();

        /** Attempts before a delivery becomes a dead letter (about a day with the defaults). */
        @WithDefault("150")
        int maxAttempts();

        @WithDefault("7D")
        Duration retention();
    }
}
