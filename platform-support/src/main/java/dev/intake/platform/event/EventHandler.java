package dev.intake.platform.event;

import io.smallrye.mutiny.Uni;

/**
 * Applies one type of event in a consuming service. It runs inside the inbox transaction, so what it
 * writes through the Hibernate Reactive session commits together with the event id, or not at all.
 */
public interface EventHandler {

    /** The event type handled, e.g. {@code contact.submitted}. */
    String type();

    Uni<Void> handle(EventEnvelope event);
}
