package dev.intake.platform.work;

import java.time.Duration;

/**
 * How hard one queue works: items per claim, claims in flight at once, the lease of a claim (after it
 * a crashed worker's items are claimed again), attempts before an item ends as failed, the backoff
 * between attempts, the safety-net poll, and the linger: how long a queue that is not full waits for
 * more items before it claims (0: claims at once). Under a steady trickle a linger turns many claims
 * of one or two items into fewer, fuller ones, each paying its round trips, requests and commits once.
 */
public record WorkSettings(boolean enabled, int batchSize, int concurrency, Duration lease, int maxAttempts,
        Duration initialBackoff, Duration maxBackoff, Duration pollInterval, Duration linger) {

    public WorkSettings {
        if (batchSize < 1 || concurrency < 1 || maxAttempts < 1) {
            throw new IllegalArgumentException("batch size, concurrency and attempts must be positive");
        }
        if (linger.isNegative()) {
            throw new IllegalArgumentException("linger must not be negative");
        }
    }
}
