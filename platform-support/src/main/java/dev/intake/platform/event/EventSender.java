package dev.intake.platform.event;

import java.net.URI;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.client.PeerClient;
import dev.intake.platform.correlation.CorrelationId;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/** POSTs a batch of event envelopes to a subscriber's {@code /internal/events/batch} with the token of that pair. */
@ApplicationScoped
class EventSender {

    record Response(int status, String body) {
    }

    private final EventsConfig config;
    /** Receipts of a batch of at most a few hundred events: a few kilobytes each. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final PeerClient http;

    EventSender(Vertx vertx, EventsConfig config) {
        this.config = config;
        this.http = new PeerClient(vertx, config.relay().concurrency(), config.relay().requestTimeout());
    }

    @PreDestroy
    void close() {
        http.close();
    }

    /** Completes with the HTTP status and body, or fails on a transport error. */
    Uni<Response> send(String subscriberName, byte[] body, String correlationId) {
        EventsConfig.Subscriber subscriber = config.subscribers().get(subscriberName);
        if (subscriber == null) {
            return Uni.createFrom().failure(new IllegalStateException("subscriber no longer configured"));
        }
        Map<String, String> headers = Map.of("Content-Type", "application/json", ServiceTokens.HEADER, subscriber.token(),
                CorrelationId.HEADER, CorrelationId.acceptOrGenerate(correlationId));
        return http.send(HttpMethod.POST, URI.create(subscriber.url() + "/batch"), headers, body,
                config.relay().requestTimeout(), MAX_ANSWER_BYTES)
                .map(answer -> new Response(answer.status(), answer.text()));
    }
}
