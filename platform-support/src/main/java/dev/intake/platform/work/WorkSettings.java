package dev.intake.platform.work;

import java.time.Duration;

/**
 * How hard one queue works: items per claim, claims in flight at once, the lease of a claim (after it
 * a crashed worker's items are claimed again), attempts before an item ends as failed, the backoff
 * between attempts and the safety-net poll.
 */
public record WorkSettings(boolean enabled, int batchSize, int concurrency, Duration lease, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration pollInterval) {

    public WorkSettings {
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch size, concurrency and attempts must be positive");
        }
    }
}
