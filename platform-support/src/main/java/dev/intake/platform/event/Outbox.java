package dev.intake.platform.event;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.correlation.CorrelationIdFilters;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The producer side: records an event and one delivery per interested subscriber in the caller's
 * transaction. Call it inside {@code @WithTransaction} next to the domain change; the relay delivers
 * after commit, so a rolled-back change never emits its event.
 */
@ApplicationScoped
public class Outbox {

    // The payload goes in as text: a parameter typed jsonb would make the driver encode the Java string as a
    // JSON string value instead of parsing it.
    private static final String INSERT = """
            WITH event AS (
                INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, version, payload, correlation_id, occurred_at)
                VALUES (:id, :aggregateType, :aggregateId, :type, :version, CAST(CAST(:payload AS text) AS jsonb), :correlationId, :occurredAt)
                RETURNING id, seq
            )
            INSERT INTO outbox_delivery (event_id, subscriber, seq, aggregate_key)
            SELECT event.id, subscriber, event.seq, :aggregateKey
            FROM event, unnest(string_to_array(:subscribers, ',')) AS subscriber
            """;

    private final EventsConfig config;
    private final ObjectMapper json;

    public Outbox(EventsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    /** Appends an event for the aggregate; returns its id. */
    public Uni<UUID> publish(String aggregateType, String aggregateId, String type, int version, Object payload) {
        UUID id = UUID.randomUUID();
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalArgumentException("event payload is not serialisable", e));
        }
        String subscribers = String.join(",", subscribersOf(type));
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("id", id)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId)
                .setParameter("type", type)
                .setParameter("version", version)
                .setParameter("payload", body)
                .setParameter("correlationId", CorrelationIdFilters.current())
                .setParameter("occurredAt", Instant.now())
                .setParameter("aggregateKey", aggregateType + ":" + aggregateId)
                .setParameter("subscribers", subscribers)
                .executeUpdate())
                .replaceWith(id);
    }

    List<String> subscribersOf(String type) {
        return config.subscribers().entrySet().stream()
                .filter(e -> e.getValue().types().contains(type))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }
}
