package dev.intake.search.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.intake.search.service.IndexStatistics;
import io.smallrye.common.annotation.Blocking;

/** Index statistics for other services (the old GET /health shows them); service token, never routed by the edge. */
@Path("/internal/search/stats")
@Produces(MediaType.APPLICATION_JSON)
public class InternalSearchResource {

    private final IndexStatistics statistics;

    public InternalSearchResource(IndexStatistics statistics) {
        this.statistics = statistics;
    }

    @GET
    @Blocking
    public IndexStatistics.Stats stats() {
        return statistics.stats();
    }
}
