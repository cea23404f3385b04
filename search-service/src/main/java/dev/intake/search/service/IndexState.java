package dev.intake.search.service;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.intake.search.client.MeiliGateway;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Creates or upgrades the live index and its settings at startup, awaiting the tasks. Until that has
 * succeeded readiness is DOWN; a failed attempt (engine down at startup) is retried every 10 s.
 */
@ApplicationScoped
public class IndexState {

    private static final Logger LOG = Logger.getLogger(IndexState.class);

    private final MeiliGateway meili;
    private final AtomicBoolean settingsApplied = new AtomicBoolean();

    public IndexState(MeiliGateway meili) {
        this.meili = meili;
    }

    void onStart(@Observes StartupEvent event) {
        applySettings();
    }

    @Scheduled(every = "10s", delayed = "10s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!settingsApplied.get()) {
            applySettings();
        }
    }

    public boolean settingsApplied() {
        return settingsApplied.get();
    }

    synchronized void applySettings() {
        try {
            meili.ensureIndex(meili.liveIndex(), IndexSettings.documents());
            settingsApplied.set(true);
            LOG.infof("Index %s is ready with its settings", meili.liveIndex());
        } catch (RuntimeException e) {
            LOG.warnf("Index settings not applied yet (%s); readiness stays DOWN, retrying", e.getClass().getSimpleName());
        }
    }
}
