package dev.intake.contact.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.intake.platform.security.ApiKeys;
import dev.intake.contact.service.ContactIntake;
import dev.intake.contact.service.SubmissionGate;
import dev.intake.contact.service.SubmissionMetrics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The old system's public contact paths, with their old shapes, for clients that cannot change. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LegacyContactResource {

    private final SubmissionGate gate;
    private final ContactIntake intake;
    private final dev.intake.contact.service.PlatformHealth platform;
    private final String version;

    public LegacyContactResource(SubmissionGate gate, ContactIntake intake,
            dev.intake.contact.service.PlatformHealth platform,
            @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.application.version") String version) {
        this.gate = gate;
        this.intake = intake;
        this.platform = platform;
        this.version = version;
    }

    @POST
    @Path("contact")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Old contact form endpoint (API key with the submit scope)", deprecated = true)
    public Uni<ContactViews.LegacyCreated> submit(@HeaderParam(ApiKeys.HEADER) String apiKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http,
            ContactRequest request) {
        return gate.submit(SubmissionMetrics.SourceKind.LEGACY, apiKey, ContactResource.clientIp(http), idempotencyKey,
                request).map(accepted -> new ContactViews.LegacyCreated("Contact form submitted successfully!",
                        accepted.submission().contactId().toString(), now(), accepted.submission().visitorCount(), 0));
    }

    @GET
    @Path("stats")
    @Operation(summary = "Old visitor statistics", deprecated = true)
    public Uni<ContactViews.LegacyStats> stats() {
        return intake.visitorCount().map(count -> new ContactViews.LegacyStats(count, now(), true));
    }

    @GET
    @Path("health")
    @Operation(summary = "Old platform health: 200 healthy, 503 degraded", deprecated = true)
    public Uni<jakarta.ws.rs.core.Response> health() {
        Uni<Long> visitors = intake.visitorCount().onFailure().recoverWithNull();
        return Uni.combine().all().unis(visitors, platform.check()).asTuple().map(t -> {
            java.util.Map<String, String> services = new java.util.LinkedHashMap<>();
            services.put("postgresql", t.getItem1() != null ? "connected" : "disconnected");
            services.putAll(t.getItem2().services());
            boolean healthy = services.values().stream().allMatch("connected"::equals);
            var stats = t.getItem2().searchStats();
            java.util.Map<String, Object> searchStats = new java.util.LinkedHashMap<>();
            searchStats.put("total_documents", stats == null ? null : stats.path("documents").asLong());
            searchStats.put("is_indexing", stats == null ? null : stats.path("indexing").asBoolean());
            searchStats.put("last_update", stats == null ? null : stats.path("reindex").path("finishedAt").asText(null));
            java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("status", healthy ? "healthy" : "degraded");
            body.put("timestamp", now());
            body.put("version", version);
            body.put("services", services);
            body.put("visitor_count", t.getItem1());
            body.put("search_stats", searchStats);
            return jakarta.ws.rs.core.Response.status(healthy ? 200 : 503).entity(body).build();
        });
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
