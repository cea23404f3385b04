package dev.intake.search.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The Meilisearch server this service owns; nothing else talks to it. */
@ConfigMapping(prefix = "meili")
public interface MeiliConfig {

    String url();

    String apiKey();

    Duration timeout();
}
