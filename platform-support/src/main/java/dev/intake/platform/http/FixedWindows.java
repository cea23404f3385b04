package dev.intake.platform.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Fixed-window counters by bucket (a client address, a key name). Kept in memory, so each replica
 * limits on its own: a cheap guard against floods, not a quota.
 */
public final class FixedWindows {

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final Duration length;
    private final Clock clock;

    public FixedWindows(Duration length, Clock clock) {
        this.length = length;
        this.clock = clock;
    }

    /** Counts one for the bucket; answers 0 while within the limit, else the seconds until the window ends. */
    public long take(String bucket, int limit) {
        long now = clock.millis();
        Window window = windows.compute(bucket, (key, current) -> expired(current, now)
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        return window.count() > limit ? retryAfter(window, now) : 0;
    }

    /** Like {@link #take} without counting: the seconds until the bucket may go on, 0 when it may now. */
    public long blockedFor(String bucket, int limit) {
        long now = clock.millis();
        Window window = windows.get(bucket);
        return window == null || expired(window, now) || window.count() < limit ? 0 : retryAfter(window, now);
    }

    public void forgetExpired() {
        long now = clock.millis();
        windows.values().removeIf(w -> expired(w, now));
    }

    private boolean expired(Window window, long now) {
        return window == null || now - window.start() >= length.toMillis();
    }

    private long retryAfter(Window window, long now) {
        return Math.max(1, (window.start() + length.toMillis() - now + 999) / 1000);
    }
}
