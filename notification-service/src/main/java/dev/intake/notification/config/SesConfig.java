package dev.intake.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The SES endpoint mail goes through (the emulator locally, the regional endpoint in production). */
@ConfigMapping(prefix = "ses")
public interface SesConfig {

    /** {@code https://email.<region>.amazonaws.com} for Amazon SES. */
    String endpoint();

    /** The region requests are signed for. */
    String region();

    String accessKeyId();

    /** A secret: the prod profile refuses a missing, short or default one. */
    String secretAccessKey();

    /** The readiness probe's timeout. */
    Duration timeout();

    /** How long a send may take from connecting to the answer. */
    @WithDefault("10S")
    Duration requestTimeout();

    /** How long connecting may take. */
    @WithDefault("3S")
    Duration connectTimeout();
}
