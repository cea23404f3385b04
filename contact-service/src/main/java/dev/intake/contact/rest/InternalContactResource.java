package dev.intake.contact.rest;

import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.intake.contact.config.ContactConfig;
import dev.intake.contact.model.Contact;
import dev.intake.contact.repository.ContactSubmissions;
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

    /** The contact's upload token, or (old upload path) the name of the API key the caller presented. */
    public record TokenCheck(String uploadToken, String apiKey) {
    }

    private final UploadTokens uploadTokens;
    private final ContactSubmissions submissions;
    private final ContactConfig config;

    public InternalContactResource(UploadTokens uploadTokens, ContactSubmissions submissions, ContactConfig config) {
        this.uploadTokens = uploadTokens;
        this.submissions = submissions;
        this.config = config;
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
        if (check != null && check.uploadToken() == null && check.apiKey() != null) {
            // the old client's flow: POST /contact, then the upload to the contact it just created, same key
            return submissions.submittedRecentlyByKey(contactId, check.apiKey(), config.keyUploadWindow())
                    .chain(own -> own ? exists(id) : Uni.createFrom().failure(new ProblemException(403, "Forbidden",
                            "This API key may attach files only to contacts it submitted in the last "
                                    + config.keyUploadWindow().toMinutes() + " minutes.")));
        }
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
