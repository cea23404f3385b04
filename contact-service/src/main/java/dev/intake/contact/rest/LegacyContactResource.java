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
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** The old system's public contact paths, with their old shapes, for clients that cannot change. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LegacyContactResource {

    private final SubmissionGate gate;
    private final ContactIntake intake;

    public LegacyContactResource(SubmissionGate gate, ContactIntake intake) {
        this.gate = gate;
        this.intake = intake;
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
                        accepted.submission().contact().id.toString(), now(), accepted.submission().visitorCount(), 0));
    }

    @GET
    @Path("stats")
    @WithSession
    @Operation(summary = "Old visitor statistics", deprecated = true)
    public Uni<ContactViews.LegacyStats> stats() {
        return intake.visitorCount().map(count -> new ContactViews.LegacyStats(count, now(), true));
    }

    private static String now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
