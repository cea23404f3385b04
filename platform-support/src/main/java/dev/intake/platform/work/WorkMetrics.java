package dev.intake.platform.work;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The same meters for every queue, labelled by queue name (a bounded set): backlog and oldest age (read
 * from the database, so every replica reports the shared truth), items claimed, outcomes, batch duration.
 */
@Singleton
public class WorkMetrics {

    private final MeterRegistry registry;
    private final Map<String, WorkRepository.Backlog> backlogs = new ConcurrentHashMap<>();

    public WorkMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void register(String queue) {
        backlogs.put(queue, new WorkRepository.Backlog(0, 0));
        Gauge.builder("work_backlog", backlogs, b -> b.get(queue).items()).tag("queue", queue)
                .description("Items waiting for or in work").register(registry);
        Gauge.builder("work_oldest_age_seconds", backlogs, b -> b.get(queue).oldestSeconds()).tag("queue", queue)
                .description("Age of the oldest unfinished item").register(registry);
    }

    void backlog(String queue, WorkRepository.Backlog backlog) {
        backlogs.put(queue, backlog);
    }

    void claimed(String queue, int items) {
        Counter.builder("work_claimed_total").tag("queue", queue).description("Items claimed (each claim is an attempt)")
                .register(registry).increment(items);
    }

    void outcome(String queue, String outcome) {
        Counter.builder("work_outcomes_total").tag("queue", queue).tag("outcome", outcome)
                .description("Attempts by outcome: done, retry, failed, or a queue's own end state").register(registry)
                .increment();
    }

    void worked(String queue, Duration duration) {
        Timer.builder("work_batch_seconds").tag("queue", queue).description("Time a handler took for one claimed batch")
                .register(registry).record(duration);
    }
}
