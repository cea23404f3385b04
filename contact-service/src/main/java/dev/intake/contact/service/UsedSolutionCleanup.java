package dev.intake.contact.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.contact.repository.UsedSolutions;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Forgets used proof-of-work solutions once their challenges have expired (and are refused as such). */
@ApplicationScoped
public class UsedSolutionCleanup {

    private final UsedSolutions usedSolutions;

    public UsedSolutionCleanup(UsedSolutions usedSolutions) {
        this.usedSolutions = usedSolutions;
    }

    @Scheduled(every = "1M", delayed = "1M", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> forgetExpired() {
        return usedSolutions.forgetExpired().replaceWithVoid();
    }
}
