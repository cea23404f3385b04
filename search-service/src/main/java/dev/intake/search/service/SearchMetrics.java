package dev.intake.search.service;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.problem.ProblemException;
import dev.intake.search.client.SearchEngineException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Search metrics with bounded labels: {@code search_queries_total{api,outcome}},
 * {@code search_query_seconds{api}} and {@code search_index_lag_seconds{type}} (event time to indexed).
 */
@ApplicationScoped
public class SearchMetrics {

    private final MeterRegistry registry;

    public SearchMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs one query (validation included) and counts it by outcome: ok, rejected, engine_error, error. */
    public <T> T query(String api, Supplier<T> work) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            T result = work.get();
            outcome = "ok";
            return result;
        } catch (SearchEngineException e) {
            outcome = "engine_error";
            throw e;
        } catch (ProblemException e) {
            outcome = e.status() < 500 ? "rejected" : "error";
            throw e;
        } finally {
            registry.counter("search_queries_total", "api", api, "outcome", outcome).increment();
            if (outcome.equals("ok")) {
                Timer.builder("search_query_seconds").tag("api", api).publishPercentileHistogram()
                        .register(registry).record(Duration.ofNanos(System.nanoTime() - start));
            }
        }
    }

    public void indexed(String type, Instant occurredAt) {
        Duration lag = Duration.between(occurredAt, Instant.now());
        Timer.builder("search_index_lag_seconds").tag("type", type).publishPercentileHistogram()
                .register(registry).record(lag.isNegative() ? Duration.ZERO : lag);
    }
}
