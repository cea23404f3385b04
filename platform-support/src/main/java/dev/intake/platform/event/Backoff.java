package dev.intake.platform.event;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with "equal jitter": the n-th retry waits between half and all of
 * {@code initial * 2^(n-1)}, capped. Never shorter than the previous wait's lower bound, and replicas
 * retrying together spread out.
 */
public final class Backoff {

    private final Duration initial;
    private final Duration max;
    private final DoubleSupplier random;

    public Backoff(Duration initial, Duration max, DoubleSupplier random) {
        this.initial = initial;
        this.max = max;
        this.random = random;
    }

    /** The wait after the given failed attempt (1 = the first delivery attempt failed). */
    public Duration after(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 40));
        double ceiling = Math.min((double) max.toMillis(), initial.toMillis() * Math.pow(2, doublings));
        double half = ceiling / 2;
        return Duration.ofMillis(Math.round(half + half * random.getAsDouble()));
    }
}
