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

    /**
     * How long the API key that created a contact through the old POST /contact (which answers no upload token)
     * may attach files to it through the old POST /documents/upload.
     */
    @WithDefault("1H")
    Duration keyUploadWindow();

    /**
     * How long one attachment of a multipart submission may take at document-service; beyond, its outcome says
     * it was not confirmed (503) and the answer goes out, so the client is not left waiting.
     */
    @WithDefault("30S")
    Duration attachmentTimeout();

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
