package dev.intake.platform.event;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.platform.correlation.CorrelationId;
import io.smallrye.mutiny.Uni;

/** POSTs one event envelope to a subscriber's {@code /internal/events} with the service token. */
@ApplicationScoped
class EventSender {

    static final String TOKEN_HEADER = "X-Service-Token";

    private final EventsConfig config;
    private final String serviceToken;
    private final HttpClient http;
    private final ObjectMapper json;

    EventSender(EventsConfig config, ObjectMapper json,
            @ConfigProperty(name = "intake.service-token") String serviceToken) {
        this.config = config;
        this.json = json;
        this.serviceToken = serviceToken;
        this.http = HttpClient.newBuilder().connectTimeout(config.relay().requestTimeout()).build();
    }

    /** Completes with the HTTP status, or fails on a transport error. */
    Uni<Integer> send(ClaimedDelivery delivery, String payload) {
        EventsConfig.Subscriber subscriber = config.subscribers().get(delivery.subscriber());
        if (subscriber == null) {
            return Uni.createFrom().failure(new IllegalStateException("subscriber no longer configured"));
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(subscriber.url()))
                .timeout(config.relay().requestTimeout())
                .header("Content-Type", "application/json")
                .header(TOKEN_HEADER, serviceToken)
                .header(CorrelationId.HEADER, CorrelationId.acceptOrGenerate(delivery.correlationId()))
                .POST(HttpRequest.BodyPublishers.ofString(envelope(delivery, payload)))
                .build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.discarding()))
                .map(HttpResponse::statusCode);
    }

    private String envelope(ClaimedDelivery d, String payload) {
        try {
            ObjectNode envelope = json.createObjectNode()
                    .put("eventId", d.eventId().toString())
                    .put("type", d.type())
                    .put("version", d.version())
                    .put("occurredAt", d.occurredAt().toInstant().toString())
                    .put("correlationId", d.correlationId());
            envelope.set("payload", json.readTree(payload));
            return json.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored event payload is not JSON", e);
        }
    }
}
