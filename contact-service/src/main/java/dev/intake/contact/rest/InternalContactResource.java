package dev.intake.contact.rest;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.intake.contact.model.Contact;
import dev.intake.contact.service.UploadTokens;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;

/**
 * What document-service asks before storing a file (service token, never routed by the edge): does the
 * contact exist, and does an upload token belong to it.
 */
@Path("/internal/contacts/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class InternalContactResource {

    public record ContactRef(UUID contactId) {
    }

    public record TokenCheck(String uploadToken) {
    }

    private final UploadTokens uploadTokens;

    public InternalContactResource(UploadTokens uploadTokens) {
        this.uploadTokens = uploadTokens;
    }

    @GET
    @WithSession
    public Uni<ContactRef> exists(@PathParam("id") String id) {
        UUID contactId = parse(id);
        return Contact.<Contact>findById(contactId).onItem().ifNull().failWith(InternalContactResource::notFound)
                .map(c -> new ContactRef(c.id));
    }

    @POST
    @Path("upload-authorization")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithSession
    public Uni<ContactRef> authorizeUpload(@PathParam("id") String id, TokenCheck check) {
        UUID contactId = parse(id);
        boolean valid = check != null && uploadTokens.verify(check.uploadToken()).filter(contactId::equals).isPresent();
        if (!valid) {
            throw new ProblemException(403, "Forbidden", "The upload token is not valid for this contact.");
        }
        return exists(id);
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound();
        }
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "Not found", "No contact with this id.");
    }
}
