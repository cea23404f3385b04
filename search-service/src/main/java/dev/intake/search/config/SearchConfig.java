package dev.intake.search.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How documents are cut into index entries and how a rebuild reads them. */
@ConfigMapping(prefix = "search")
public interface SearchConfig {

    /**
     * Words per index entry. Meilisearch drops words past position 65,535 of an attribute and a hard
     * separator (.!?) counts as 8 positions, so 5,000 words stay below the limit even for text made of
     * one-word sentences.
     */
    @WithDefault("5000")
    int chunkWords();

    /** Documents per page asked from document-service during a rebuild (its maximum is 200). */
    @WithDefault("200")
    int reindexPageSize();
}
