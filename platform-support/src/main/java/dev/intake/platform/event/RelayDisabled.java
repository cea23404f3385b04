package dev.intake.platform.event;

import jakarta.inject.Singleton;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the relay's schedules where it is switched off (a consumer-only service or a test). */
@Singleton
public class RelayDisabled implements Scheduled.SkipPredicate {

    private final EventsConfig config;

    public RelayDisabled(EventsConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.relay().enabled();
    }
}
