package dev.intake.platform.event;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;

/**
 * Runs blocking work (an index write, an object removal) from an event handler on a worker thread.
 * Vert.x completes the result on the caller's context, where the inbox's Hibernate Reactive
 * transaction must continue.
 */
@ApplicationScoped
public class Blocking {

    private final Vertx vertx;

    public Blocking(Vertx vertx) {
        this.vertx = vertx;
    }

    public <T> Uni<T> call(java.util.concurrent.Callable<T> work) {
        return vertx.executeBlocking(work::call, false);
    }

    public Uni<Void> run(Runnable work) {
        return vertx.executeBlocking(() -> {
            work.run();
            return null;
        }, false);
    }
}
