package dev.intake.search.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.security.AdminRole;
import dev.intake.search.service.ApiKeyCheck;
import dev.intake.search.service.Filters;
import dev.intake.search.service.SearchMetrics;
import dev.intake.search.service.SearchService;
import dev.intake.search.service.Snippets;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The old system's {@code POST /documents/search}, same request and answer shape (API-COMPAT.md).
 * Needs admin credentials or an API key with the {@code search} scope ({@link ApiKeyCheck}).
 */
@Path("/documents/search")
public class LegacySearchResource {

    private static final Set<String> FILTER_KEYS = Set.of("contact_id", "document_type", "processing_status",
            "file_extension");

    private final SearchService search;
    private final SearchMetrics metrics;
    private final ApiKeyCheck apiKeys;
    private final CurrentIdentityAssociation identity;

    public LegacySearchResource(SearchService search, SearchMetrics metrics, ApiKeyCheck apiKeys,
            CurrentIdentityAssociation identity) {
        this.search = search;
        this.metrics = metrics;
        this.apiKeys = apiKeys;
        this.identity = identity;
    }

    public record Request(String query, Map<String, JsonNode> filters, Integer limit) {
    }

    public record Result(@JsonProperty("document_id") String documentId, String filename,
            @JsonProperty("contact_id") String contactId, @JsonProperty("document_type") String documentType,
            @JsonProperty("text_content") String textContent, @JsonProperty("upload_timestamp") String uploadTimestamp,
            @JsonProperty("processing_status") String processingStatus, double score) {
    }

    public record Answer(List<Result> results, @JsonProperty("total_count") long totalCount, String query,
            @JsonProperty("processing_time") double processingTime) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Old API: search documents (admin credentials or an API key with the search scope)")
    public Answer search(@HeaderParam("X-API-Key") String apiKey, Request request) {
        authorize(apiKey);
        return metrics.query("legacy", () -> {
            if (request == null || request.query() == null || request.query().isEmpty()) {
                throw ProblemException.badField("query", "must not be empty");
            }
            if (request.query().length() > 500) {
                throw ProblemException.badField("query", "at most 500 characters");
            }
            int limit = request.limit() == null ? 10 : request.limit();
            if (limit < 1 || limit > 100) {
                throw ProblemException.badField("limit", "must be from 1 to 100");
            }
            long start = System.nanoTime();
            JsonNode answer = search.legacy(request.query(), filters(request.filters()).toArray(), limit);
            List<Result> results = new ArrayList<>();
            answer.path("hits").forEach(hit -> results.add(result(hit)));
            return new Answer(results, answer.path("estimatedTotalHits").asLong(), request.query(),
                    (System.nanoTime() - start) / 1e9);
        });
    }

    private void authorize(String apiKey) {
        SecurityIdentity who = identity.getDeferredIdentity().await().indefinitely();
        if (who != null && who.hasRole(AdminRole.NAME)) {
            return;
        }
        if (apiKey == null || apiKey.isEmpty()) {
            throw new UnauthorizedException();
        }
        apiKeys.requireSearchScope(apiKey);
    }

    private static Filters filters(Map<String, JsonNode> given) {
        Filters filters = new Filters();
        if (given == null) {
            return filters;
        }
        for (Map.Entry<String, JsonNode> filter : given.entrySet()) {
            if (!FILTER_KEYS.contains(filter.getKey())) {
                throw ProblemException.badField("filters",
                        "allowed keys are contact_id, document_type, processing_status, file_extension");
            }
            String field = "filters." + filter.getKey();
            if (!filter.getValue().isTextual()) {
                throw ProblemException.badField(field, "must be a string");
            }
            List<String> value = List.of(filter.getValue().asText());
            switch (filter.getKey()) {
                case "contact_id" -> filters.contactId(field, value);
                case "document_type" -> filters.documentType(field, value);
                case "processing_status" -> filters.status(field, value);
                default -> filters.extension(field, value);
            }
        }
        return filters;
    }

    private static Result result(JsonNode hit) {
        JsonNode formatted = hit.path("_formatted");
        String status = hit.path("status").asText("");
        long uploaded = hit.path("uploadedAt").asLong(0);
        return new Result(hit.path("documentId").asText(), hit.path("filename").asText(null),
                hit.path("contactId").asText(null), hit.path("documentType").asText(null),
                Snippets.plain(formatted.path("text").asText("")),
                Instant.ofEpochMilli(uploaded).truncatedTo(ChronoUnit.MILLIS).toString(),
                status.toLowerCase(Locale.ROOT), hit.path("_rankingScore").asDouble(0));
    }
}
