package dev.intake.platform.event;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Applies {@code probe.happened} by inserting a row in the inbox's transaction. */
@ApplicationScoped
public class ProbeEventHandler implements EventHandler {

    @Override
    public String type() {
        return "probe.happened";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        ProbeEffect effect = new ProbeEffect();
        effect.eventId = event.eventId();
        effect.aggregateId = event.payload().path("aggregate").asText();
        effect.position = event.payload().path("position").asInt();
        if (event.payload().path("failInHandler").asBoolean()) {
            return effect.persist().chain(() -> Uni.createFrom().failure(new IllegalStateException("handler failed")));
        }
        return effect.persist().replaceWithVoid();
    }
}
