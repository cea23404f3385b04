package dev.intake.document.service;

import jakarta.inject.Singleton;

import dev.intake.document.config.DocumentConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;

/** Skips the processing schedule where the worker is switched off. */
@Singleton
public class ProcessingDisabled implements Scheduled.SkipPredicate {

    private final DocumentConfig config;

    public ProcessingDisabled(DocumentConfig config) {
        this.config = config;
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !config.processing().enabled();
    }
}
