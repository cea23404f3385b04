package dev.intake.contact.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Intake policy: upload tokens, rate limits, idempotency, the web form's proof of work. */
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

    Altcha altcha();

    /** The ALTCHA proof of work that submissions with the listed keys (the web form's) must carry. */
    interface Altcha {

        /** HMAC key that signs the challenges (secret). */
        String hmacKey();

        /** Difficulty: the secret number is drawn from 0 to this; a browser tries half of them on average. */
        @WithDefault("50000")
        int maxNumber();

        /** How long a challenge may be solved and submitted; its solution is remembered as used until then. */
        @WithDefault("10M")
        Duration expiry();

        /** Names of the API keys whose submissions must carry a solution (the one the edge attaches for the web form). */
        @WithDefault("web-form")
        List<String> keys();

        /** Challenges one client address may fetch per rate-limit window. */
        @WithDefault("30")
        int perIp();
    }

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
