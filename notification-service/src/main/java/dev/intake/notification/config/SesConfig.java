package dev.intake.notification.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The SES endpoint mail goes through (the emulator locally, the regional endpoint in production). */
@ConfigMapping(prefix = "ses")
public interface SesConfig {

    String endpoint();

    Duration timeout();
}
