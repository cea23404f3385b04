package dev.intake.platform.event;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import dev.intake.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * The consumer side: applies each event once. The event id goes into {@code inbox_event} in the same
 * transaction as the handler's effect; a redelivered id is acknowledged without running the handler.
 */
@ApplicationScoped
public class Inbox {

    public enum Result {
        APPLIED, DUPLICATE
    }

    private final Map<String, EventHandler> handlers;
    private final MeterRegistry registry;

    public Inbox(Instance<EventHandler> handlers, MeterRegistry registry) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.registry = registry;
    }

    public Uni<Result> accept(EventEnvelope event) {
        EventHandler handler = handlers.get(event.type());
        if (handler == null) {
            count("unknown", "rejected");
            return Uni.createFrom().failure(new ProblemException(422, "Unknown event type",
                    "This service does not consume events of this type."));
        }
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> session.createNativeQuery(
                        "INSERT INTO inbox_event (event_id, type) VALUES (:id, :type) ON CONFLICT DO NOTHING")
                        .setParameter("id", event.eventId())
                        .setParameter("type", event.type())
                        .executeUpdate())
                .chain(inserted -> inserted == 0
                        ? Uni.createFrom().item(Result.DUPLICATE)
                        : handler.handle(event).replaceWith(Result.APPLIED)))
                .invoke(result -> count(event.type(), result.name().toLowerCase(java.util.Locale.ROOT)));
    }

    private void count(String type, String outcome) {
        registry.counter("inbox_events_total", "type", type, "outcome", outcome).increment();
    }
}
