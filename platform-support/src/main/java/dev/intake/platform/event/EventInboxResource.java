package dev.intake.platform.event;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;

import io.smallrye.mutiny.Uni;

/** Where other services' relays deliver events. Never routed by the edge; needs the service token (InternalCallFilter). */
@Path("/internal/events")
public class EventInboxResource {

    private final Inbox inbox;

    public EventInboxResource(Inbox inbox) {
        this.inbox = inbox;
    }

    public record Receipt(String status) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply an event once (internal, service token)")
    public Uni<Receipt> receive(@Valid @NotNull EventEnvelope event) {
        return inbox.accept(event).map(result -> new Receipt(result.name().toLowerCase(java.util.Locale.ROOT)));
    }
}
