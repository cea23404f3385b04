package dev.intake.contact.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake policy: upload tokens, API keys, rate limits. */
@ConfigMapping(prefix = "intake.contact")
public interface ContactConfig {

    /** HMAC key of upload tokens (secret). */
    String uploadTokenSecret();

    @WithDefault("24H")
    Duration uploadTokenTtl();

    /**
     * API keys as {@code name:sha256-hex-of-key:scope+scope}, comma-separated; scopes are
     * {@code submit} and {@code search}. None configured means no key is accepted.
     */
    Optional<List<String>> apiKeys();

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
