package dev.intake.platform.event;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/** The test application's producer: appends events for one aggregate in one transaction. */
@Path("/api/v1/probe-events")
public class ProbeEventsResource {

    private final Outbox outbox;

    public ProbeEventsResource(Outbox outbox) {
        this.outbox = outbox;
    }

    @GET
    @Path("/effects/{eventId}")
    @WithSession
    public Uni<Long> effects(@PathParam("eventId") UUID eventId) {
        return ProbeEffect.count("eventId", eventId);
    }

    @POST
    @Path("/publish")
    @WithTransaction
    public Uni<List<UUID>> publish(@QueryParam("aggregate") String aggregate, @QueryParam("from") int from,
            @QueryParam("count") int count, @QueryParam("poison") boolean poison,
            @QueryParam("rollback") boolean rollback) {
        Uni<List<UUID>> published = Multi.createFrom().range(from, from + count)
                .onItem().transformToUniAndConcatenate(position -> outbox.publish("probe", aggregate, "probe.happened", 1,
                        Map.of("aggregate", aggregate, "position", position, "poison", poison)))
                .collect().asList();
        if (rollback) {
            return published.chain(ids -> Uni.createFrom().failure(new IllegalStateException("rolled back")));
        }
        return published;
    }
}
