package dev.intake.platform.event;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/** Applies {@code probe.noted}, the type every caller of the probe application may send, like {@code probe.happened}. */
@ApplicationScoped
public class ProbeNotedHandler implements EventHandler {

    @Override
    public String type() {
        return "probe.noted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        ProbeEffect effect = new ProbeEffect();
        effect.eventId = event.eventId();
        effect.aggregateId = event.payload().path("aggregate").asText();
        effect.position = event.payload().path("position").asInt();
        return effect.persist().replaceWithVoid();
    }
}
