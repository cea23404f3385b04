package dev.intake.notification.rest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.intake.notification.client.Addresses;
import dev.intake.notification.model.SuppressedAddress;
import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.security.AdminRole;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The suppression list: addresses that bounced or complained and are never mailed again. */
@Path("/api/v1/notifications/suppressions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRole.NAME)
public class SuppressionAdminResource {

    @GET
    @WithSession
    @Operation(summary = "Suppressed addresses, newest first")
    public Uni<List<SuppressionView>> list() {
        return SuppressedAddress.<SuppressedAddress>findAll(Sort.descending("createdAt")).range(0, 999).list()
                .map(all -> all.stream().map(SuppressionView::of).toList());
    }

    @PUT
    @Path("{email}")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @Operation(summary = "Suppress an address (or change the reason)")
    public Uni<SuppressionView> suppress(@PathParam("email") String email, @Valid @NotNull SuppressionRequest request) {
        String address = normalized(email);
        return SuppressedAddress.<SuppressedAddress>findById(address).chain(existing -> {
            SuppressedAddress entry = existing != null ? existing : new SuppressedAddress();
            entry.email = address;
            entry.reason = request.reason().strip();
            if (entry.createdAt == null) {
                entry.createdAt = OffsetDateTime.now();
            }
            return entry.<SuppressedAddress>persist();
        }).map(SuppressionView::of);
    }

    @DELETE
    @Path("{email}")
    @WithTransaction
    @Operation(summary = "Mail an address again")
    public Uni<Response> unsuppress(@PathParam("email") String email) {
        return SuppressedAddress.deleteById(normalized(email)).map(deleted -> {
            if (!deleted) {
                throw new ProblemException(404, "Not found", "This address is not suppressed.");
            }
            return Response.noContent().build();
        });
    }

    private static String normalized(String email) {
        if (!Addresses.isValid(email)) {
            throw ProblemException.badField("email", "must be an email address");
        }
        return email.toLowerCase(Locale.ROOT);
    }
}
