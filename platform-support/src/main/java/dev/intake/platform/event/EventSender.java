package dev.intake.platform.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.intake.platform.client.BoundedBody;
import dev.intake.platform.correlation.CorrelationId;
import io.smallrye.mutiny.Uni;

/** POSTs a batch of event envelopes to a subscriber's {@code /internal/events/batch} with the service token. */
@ApplicationScoped
class EventSender {

    static final String TOKEN_HEADER = "X-Service-Token";

    record Response(int status, String body) {
    }

    private final EventsConfig config;
    /** Receipts of a batch of at most a few hundred events: a few kilobytes each. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    private final String serviceToken;
    private final HttpClient http;

    EventSender(EventsConfig config, @ConfigProperty(name = "intake.service-token") String serviceToken) {
        this.config = config;
        this.serviceToken = serviceToken;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.relay().requestTimeout()).build();
    }

    /** Completes with the HTTP status and body, or fails on a transport error. */
    Uni<Response> send(String subscriberName, String body, String correlationId) {
        EventsConfig.Subscriber subscriber = config.subscribers().get(subscriberName);
        if (subscriber == null) {
            return Uni.createFrom().failure(new IllegalStateException("subscriber no longer configured"));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscriber.url() + "/batch"))
                .timeout(config.relay().requestTimeout())
                .header("Content-Type", "application/json")
                .header(TOKEN_HEADER, serviceToken)
                .header(CorrelationId.HEADER, CorrelationId.acceptOrGenerate(correlationId))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, BoundedBody.ofString(MAX_ANSWER_BYTES)))
                .map(response -> new Response(response.statusCode(), response.body()));
    }
}
