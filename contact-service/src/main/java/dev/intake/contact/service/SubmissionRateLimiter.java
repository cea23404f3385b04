package dev.intake.contact.service;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import dev.intake.contact.config.ContactConfig;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window limits per client IP and per API key (the public form's key is no secret). Kept in
 * memory, so each replica limits on its own: a cheap guard against floods, not a quota.
 */
@Singleton
public class SubmissionRateLimiter {

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final ContactConfig.RateLimit config;
    private final Clock clock;

    public SubmissionRateLimiter(ContactConfig config) {
        this.config = config.rateLimit();
        this.clock = Clock.systemUTC();
    }

    /** Counts one submission for the IP and the key, or throws a 429 with Retry-After. */
    public void acquire(String clientIp, String apiKeyName) {
        take("ip:" + clientIp, config.perIp());
        take("key:" + apiKeyName, config.perKey());
    }

    private void take(String bucket, int limit) {
        long now = clock.millis();
        long length = config.window().toMillis();
        Window window = windows.compute(bucket, (key, current) -> current == null || now - current.start() >= length
                ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        if (window.count() > limit) {
            long retryAfter = Math.max(1, (window.start() + length - now + 999) / 1000);
            throw new ProblemException(429, "Too many requests", "Too many submissions; retry later.")
                    .withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    @Scheduled(every = "1M")
    void forgetExpiredWindows() {
        long now = clock.millis();
        long length = config.window().toMillis();
        windows.values().removeIf(w -> now - w.start() >= length);
    }
}
