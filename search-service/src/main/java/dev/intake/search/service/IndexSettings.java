package dev.intake.search.service;

import java.util.HashMap;

import com.meilisearch.sdk.model.FacetSortValue;
import com.meilisearch.sdk.model.Faceting;
import com.meilisearch.sdk.model.Pagination;
import com.meilisearch.sdk.model.Settings;
import com.meilisearch.sdk.model.TypoTolerance;

/** The settings of the document index: what is searched, filtered, sorted and how hits rank. */
public final class IndexSettings {

    /** In priority order: a match in the title ranks above one deep in the text. */
    static final String[] SEARCHABLE = { "title", "filename", "keywords", "tags", "description", "contactName",
            "contactCompany", "text" };
    /** documentId and chunk only serve deletes; the others are the public filters. */
    static final String[] FILTERABLE = { "contactId", "documentType", "status", "fileExtension", "language",
            "uploadedAt", "documentId", "chunk" };
    static final String[] SORTABLE = { "uploadedAt", "processedAt", "size" };
    static final String[] RANKING = { "words", "typo", "proximity", "attribute", "sort", "exactness" };
    public static final int MAX_TOTAL_HITS = 10_000;

    private IndexSettings() {
    }

    public static Settings documents() {
        HashMap<String, Integer> typoSizes = new HashMap<>();
        typoSizes.put("oneTypo", 5);
        typoSizes.put("twoTypos", 9);
        TypoTolerance typos = new TypoTolerance().setEnabled(true).setMinWordSizeForTypos(typoSizes)
                .setDisableOnAttributes(new String[] {});
        Faceting faceting = new Faceting();
        faceting.setMaxValuesPerFacet(100);
        HashMap<String, FacetSortValue> facetOrder = new HashMap<>();
        facetOrder.put("*", FacetSortValue.COUNT);
        faceting.setSortFacetValuesBy(facetOrder);
        Pagination pagination = new Pagination();
        pagination.setMaxTotalHits(MAX_TOTAL_HITS);
        return new Settings()
                .setSearchableAttributes(SEARCHABLE)
                .setFilterableAttributes(FILTERABLE)
                .setSortableAttributes(SORTABLE)
                .setRankingRules(RANKING)
                .setDistinctAttribute("documentId")
                .setTypoTolerance(typos)
                .setFaceting(faceting)
                .setPagination(pagination);
    }
}
