package dev.intake.search.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The Meilisearch server this service owns; nothing else talks to it. */
@ConfigMapping(prefix = "meili")
public interface MeiliConfig {

    String url();

    String apiKey();

    Duration timeout();

    /** The live index searches read; a rebuild fills {@code <index>_rebuild} and swaps it in. */
    @WithDefault("documents")
    String index();

    /** How long a write waits for its Meilisearch task before it counts as failed. */
    @WithDefault("30S")
    Duration taskTimeout();
}
