package dev.intake.contact.service;

import java.time.Clock;

import jakarta.inject.Singleton;

import dev.intake.contact.config.ContactConfig;
import dev.intake.platform.http.FixedWindows;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/** Fixed-window limits per client IP and per API key (the public form's key is no secret). */
@Singleton
public class SubmissionRateLimiter {

    private final FixedWindows windows;
    private final ContactConfig.RateLimit config;

    public SubmissionRateLimiter(ContactConfig config) {
        this.config = config.rateLimit();
        this.windows = new FixedWindows(this.config.window(), Clock.systemUTC());
    }

    /** Counts one submission for the IP and the key, or throws a 429 with Retry-After. */
    public void acquire(String clientIp, String apiKeyName) {
        take("ip:" + clientIp, config.perIp());
        take("key:" + apiKeyName, config.perKey());
    }

    private void take(String bucket, int limit) {
        long retryAfter = windows.take(bucket, limit);
        if (retryAfter > 0) {
            throw new ProblemException(429, "Too many requests", "Too many submissions; retry later.")
                    .withHeader("Retry-After", Long.toString(retryAfter));
        }
    }

    @Scheduled(every = "1M")
    void forgetExpiredWindows() {
        windows.forgetExpired();
    }
}
