package dev.intake.search.service;

import jakarta.enterprise.context.ApplicationScoped;

import com.meilisearch.sdk.model.IndexStats;

import dev.intake.search.client.MeiliGateway;

/** What {@code GET /api/v1/search/stats} answers. */
@ApplicationScoped
public class IndexStatistics {

    private final MeiliGateway meili;
    private final IndexState index;
    private final ReindexState reindex;

    public IndexStatistics(MeiliGateway meili, IndexState index, ReindexState reindex) {
        this.meili = meili;
        this.index = index;
        this.reindex = reindex;
    }

    /** {@code documents}: distinct documents; {@code entries}: index entries (a long text has several). */
    public record Stats(String index, long documents, long entries, boolean indexing, boolean settingsApplied,
            ReindexState.Run reindex) {
    }

    public Stats stats() {
        String live = meili.liveIndex();
        IndexStats stats = meili.stats(live);
        long documents = meili.count(live, "chunk = 0");
        return new Stats(live, documents, stats.getNumberOfDocuments(), stats.isIndexing(), index.settingsApplied(),
                reindex.current());
    }
}
