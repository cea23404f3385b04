package dev.intake.document.service;

import java.util.function.Supplier;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;

/**
 * Runs Hibernate Reactive work from a worker thread (uploads, the processor) on a Vert.x context, as
 * the reactive session requires, and waits for it.
 */
public final class OnVertxContext {

    private OnVertxContext() {
    }

    public static <T> T await(Supplier<Uni<T>> work) {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
