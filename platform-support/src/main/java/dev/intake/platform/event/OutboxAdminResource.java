package dev.intake.platform.event;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.QueryValues;
import dev.intake.platform.work.WorkEngine;
import dev.intake.platform.security.AdminRole;
import io.smallrye.mutiny.Uni;

/** Lets an administrator see the outbox backlog and replay dead letters. */
@Path("/api/v1/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRole.NAME)
public class OutboxAdminResource {

    private final OutboxStore store;
    private final WorkEngine engine;

    public OutboxAdminResource(OutboxStore store, WorkEngine engine) {
        this.store = store;
        this.engine = engine;
    }

    public record Replayed(int replayed) {
    }

    @GET
    @Operation(summary = "Outbox backlog: pending deliveries, dead letters, age of the oldest pending event")
    public Uni<OutboxStore.OutboxStats> stats() {
        return store.stats();
    }

    @GET
    @Path("dead-letters")
    @Operation(summary = "Deliveries given up on, oldest first")
    public Uni<List<OutboxStore.DeadLetter>> deadLetters(@QueryParam("limit") String limitParam,
            @QueryParam("offset") String offsetParam) {
        int limit = QueryValues.integer("limit", limitParam, 50, 1, 200);
        int offset = QueryValues.integer("offset", offsetParam, 0, 0, (int) QueryValues.MAX_OFFSET);
        return store.deadLetters(limit, offset);
    }

    @POST
    @Path("dead-letters/replay")
    @Operation(summary = "Queue dead letters again: one event, one subscriber's, or all")
    public Uni<Replayed> replay(@QueryParam("eventId") String eventId, @QueryParam("subscriber") String subscriber) {
        UUID id = null;
        if (eventId != null) {
            try {
                id = UUID.fromString(eventId);
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("eventId", "must be a UUID");
            }
        }
        return store.replay(id, subscriber).invoke(() -> engine.wakeUp(OutboxRelay.QUEUE)).map(Replayed::new);
    }
}
