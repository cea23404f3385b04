package dev.intake.search.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.meilisearch.sdk.SearchRequest;

import dev.intake.platform.problem.ProblemException;
import dev.intake.search.client.MeiliGateway;

/** Runs searches against the live index and shapes the answer. */
@ApplicationScoped
public class SearchService {

    public static final Set<String> FACETS = Set.of("documentType", "status", "fileExtension", "language",
            "contactId");
    static final String[] RETRIEVED = { "documentId", "contactId", "filename", "title", "documentType", "status",
            "fileExtension", "language", "size", "uploadedAt", "processedAt", "contactName", "contactCompany", "tags" };
    private static final String[] HIGHLIGHTED = { "text", "title", "filename", "description", "contactName",
            "contactCompany" };

    private final MeiliGateway meili;

    public SearchService(MeiliGateway meili) {
        this.meili = meili;
    }

    public static List<String> facets(String field, String facets) {
        if (facets == null || facets.isBlank()) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : facets.split(",")) {
            String trimmed = name.strip();
            if (!FACETS.contains(trimmed)) {
                throw ProblemException.badField(field, "must be a comma-separated list of " + String.join(", ",
                        FACETS.stream().sorted().toList()));
            }
            names.add(trimmed);
        }
        return names;
    }

    public SearchResults search(SearchQuery query) {
        SearchRequest request = SearchRequest.builder()
                .q(query.q())
                .filter(query.filter().length == 0 ? null : query.filter())
                .sort(query.sort())
                .page(query.page())
                .hitsPerPage(query.size())
                .facets(query.facets().isEmpty() ? null : query.facets().toArray(String[]::new))
                .attributesToRetrieve(RETRIEVED)
                .attributesToHighlight(HIGHLIGHTED)
                .attributesToCrop(new String[] { "text", "description" })
                .cropLength(30)
                .highlightPreTag(Snippets.PRE)
                .highlightPostTag(Snippets.POST)
                .build();
        JsonNode answer = meili.search(meili.liveIndex(), request);
        List<SearchResults.Hit> hits = new ArrayList<>();
        answer.path("hits").forEach(hit -> hits.add(hit(hit)));
        return new SearchResults(query.q(), query.page(), query.size(), answer.path("totalHits").asLong(),
                answer.path("totalPages").asInt(), answer.path("processingTimeMs").asLong(), hits,
                facetCounts(answer.path("facetDistribution")));
    }

    /** The old API's search: plain text, a ranking score, offset paging. */
    public JsonNode legacy(String q, String[] filter, int limit) {
        SearchRequest request = SearchRequest.builder()
                .q(q)
                .filter(filter.length == 0 ? null : filter)
                .limit(limit)
                .attributesToRetrieve(RETRIEVED)
                .attributesToCrop(new String[] { "text" })
                .cropLength(60)
                .showRankingScore(true)
                .build();
        return meili.search(meili.liveIndex(), request);
    }

    private static SearchResults.Hit hit(JsonNode hit) {
        JsonNode formatted = hit.path("_formatted");
        List<String> tags = new ArrayList<>();
        hit.path("tags").forEach(tag -> tags.add(tag.asText()));
        return new SearchResults.Hit(text(hit, "documentId"), text(hit, "contactId"), text(hit, "filename"),
                text(hit, "title"), text(hit, "documentType"), text(hit, "status"), text(hit, "fileExtension"),
                text(hit, "language"), hit.hasNonNull("size") ? hit.get("size").asLong() : null,
                instant(hit, "uploadedAt"), instant(hit, "processedAt"), text(hit, "contactName"),
                text(hit, "contactCompany"), tags,
                new SearchResults.Highlights(Snippets.html(text(formatted, "text")), marked(formatted, "title"),
                        marked(formatted, "filename"), marked(formatted, "description"),
                        marked(formatted, "contactName"), marked(formatted, "contactCompany")));
    }

    private static Map<String, Map<String, Long>> facetCounts(JsonNode distribution) {
        Map<String, Map<String, Long>> facets = new LinkedHashMap<>();
        distribution.fields().forEachRemaining(facet -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            facet.getValue().fields().forEachRemaining(value -> counts.put(value.getKey(), value.getValue().asLong()));
            facets.put(facet.getKey(), counts);
        });
        return facets;
    }

    /** Only fields where something matched: the others add nothing to what the hit already says. */
    private static String marked(JsonNode formatted, String field) {
        String value = text(formatted, field);
        return Snippets.marked(value) ? Snippets.html(value) : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static Instant instant(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || !value.isNumber() ? null : Instant.ofEpochMilli(value.asLong());
    }
}
