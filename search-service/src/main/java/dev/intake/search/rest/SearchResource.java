package dev.intake.search.rest;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.security.AdminRole;
import dev.intake.search.service.Filters;
import dev.intake.search.service.IndexSettings;
import dev.intake.search.service.IndexStatistics;
import dev.intake.search.service.ReindexService;
import dev.intake.search.service.ReindexState;
import dev.intake.search.service.SearchMetrics;
import dev.intake.search.service.SearchQuery;
import dev.intake.search.service.SearchResults;
import dev.intake.search.service.SearchService;
import dev.intake.search.service.SortOrder;

/** Full-text search over uploaded documents (admin only: documents are private). */
@Path("/api/v1/search")
@RolesAllowed(AdminRole.NAME)
@Produces(MediaType.APPLICATION_JSON)
public class SearchResource {

    static final int MAX_SIZE = 100;

    private final SearchService search;
    private final SearchMetrics metrics;
    private final ReindexService reindex;
    private final IndexStatistics statistics;

    public SearchResource(SearchService search, SearchMetrics metrics, ReindexService reindex,
            IndexStatistics statistics) {
        this.search = search;
        this.metrics = metrics;
        this.reindex = reindex;
        this.statistics = statistics;
    }

    @GET
    @Operation(summary = "Search documents: full text (typo-tolerant, \"phrases\"), filters, sort, facets, paging")
    public SearchResults search(@QueryParam("q") @Parameter(description = "words or \"a phrase\"; empty lists everything") String q,
            @QueryParam("documentType") List<String> documentType,
            @QueryParam("status") @Parameter(description = "COMPLETED or FAILED") List<String> status,
            @QueryParam("contactId") List<String> contactId,
            @QueryParam("extension") List<String> extension,
            @QueryParam("language") List<String> language,
            @QueryParam("uploadedFrom") @Parameter(description = "date or ISO-8601 instant, inclusive") String uploadedFrom,
            @QueryParam("uploadedTo") @Parameter(description = "date or ISO-8601 instant, inclusive") String uploadedTo,
            @QueryParam("sort") @Parameter(description = "uploadedAt|processedAt|size with :asc or :desc, comma-separated") String sort,
            @QueryParam("page") @Parameter(description = "from 1") String page,
            @QueryParam("size") @Parameter(description = "1 to 100, default 20") String size,
            @QueryParam("facets") @Parameter(description = "documentType, status, fileExtension, language, contactId") String facets) {
        return metrics.query("api", () -> {
            if (q != null && q.length() > 500) {
                throw ProblemException.badField("q", "at most 500 characters");
            }
            Filters filters = new Filters()
                    .documentType("documentType", documentType)
                    .status("status", status)
                    .contactId("contactId", contactId)
                    .extension("extension", extension)
                    .language("language", language)
                    .uploadedFrom("uploadedFrom", uploadedFrom)
                    .uploadedTo("uploadedTo", uploadedTo);
            int pageNumber = number("page", page, 1, 1, Integer.MAX_VALUE);
            int pageSize = number("size", size, 20, 1, MAX_SIZE);
            if ((long) pageNumber * pageSize > IndexSettings.MAX_TOTAL_HITS) {
                throw ProblemException.badField("page", "page × size must stay within the first "
                        + IndexSettings.MAX_TOTAL_HITS + " hits; narrow the search");
            }
            return search.search(new SearchQuery(q == null || q.isBlank() ? null : q, filters.toArray(),
                    SortOrder.parse("sort", sort), pageNumber, pageSize, SearchService.facets("facets", facets)));
        });
    }

    @GET
    @Path("/stats")
    @Operation(summary = "Index size, whether it is indexing, and the last reindex")
    public IndexStatistics.Stats stats() {
        return statistics.stats();
    }

    @POST
    @Path("/reindex")
    @Operation(summary = "Rebuild the index from document-service into a new index and swap it in (202; 409 while one runs)")
    public Response reindex() {
        ReindexState.Run run = reindex.start();
        return Response.accepted(run).build();
    }

    static int number(String field, String value, int defaultValue, int min, int max) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ProblemException.badField(field, "must be a whole number from " + min + (max == Integer.MAX_VALUE ? " on" : " to " + max));
    }
}
