package dev.intake.contact.service;

import java.time.Clock;

import jakarta.inject.Singleton;

import dev.intake.contact.config.ContactConfig;
import dev.intake.platform.http.FixedWindows;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.scheduler.Scheduled;

/**
 * Fixed-window limits per client IP and per API key (the web form's key is shared by every browser).
 * The gate takes the address first and the key only for a request that got past it (and past the proof of
 * work), so one address never spends more of a key's window than its own limit.
 */
@Singleton
public class SubmissionRateLimiter {

    private final FixedWindows windows;
    private final ContactConfig.RateLimit config;
    private final int challengesPerIp;

    public SubmissionRateLimiter(ContactConfig config) {
        this.config = config.rateLimit();
        this.challengesPerIp = config.altcha().perIp();
        this.windows = new FixedWindows(this.config.window(), Clock.systemUTC());
    }

    /** Counts one submission for the client address, or throws a 429 with Retry-After. */
    public void acquireForAddress(String clientIp) {
        take("ip:" + clientIp, config.perIp());
    }

    /** Counts one submission for the API key, or throws a 429 with Retry-After. */
    public void acquireForKey(String apiKeyName) {
        take("key:" + apiKeyName, config.perKey());
    }

    /** Counts one proof-of-work challenge fetched by the client address, or throws a 429 with Retry-After. */
    public void acquireChallenge(String clientIp) {
        take("challenge:" + clientIp, challengesPerIp);
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
