package dev.intake.contact.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake policy: upload tokens, rate limits, idempotency. */
@ConfigMapping(prefix = "intake.contact")
public interface ContactConfig {

    /** HMAC key of upload tokens (secret). */
    String uploadTokenSecret();

    @WithDefault("24H")
    Duration uploadTokenTtl();

    RateLimit rateLimit();

    @WithDefault("24H")
    Duration idempotencyWindow();

    interface RateLimit {

        /** Submissions allowed per client IP within the window. */
        @WithDefault("10")
        int perIp();

        /** Submissions allowed per API key within the window (the public form's key is shared). */
        @WithDefault("600")
        int perKey();

        @WithDefault("1M")
        Duration window();
    }
}
