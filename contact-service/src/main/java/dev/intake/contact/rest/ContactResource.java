package dev.intake.contact.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.intake.contact.model.ContactStatus;
import dev.intake.platform.security.ApiKeys;
import dev.intake.contact.service.AttachmentForwarder;
import dev.intake.contact.service.ContactAdministration;
import dev.intake.contact.service.ContactQuery;
import dev.intake.contact.service.SubmissionGate;
import dev.intake.contact.service.SubmissionMetrics;
import dev.intake.contact.service.UploadTokens;
import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.QueryValues;
import dev.intake.platform.security.AdminRole;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/** Contact submissions: creation with an API key, everything else for the administrator. */
@Path("/api/v1/contacts")
@Produces(MediaType.APPLICATION_JSON)
public class ContactResource {

    private final SubmissionGate gate;
    private final UploadTokens uploadTokens;
    private final ContactAdministration administration;
    private final AttachmentForwarder attachments;

    static final int MAX_FILES = 10;

    public ContactResource(SubmissionGate gate, UploadTokens uploadTokens, ContactAdministration administration,
            AttachmentForwarder attachments) {
        this.gate = gate;
        this.uploadTokens = uploadTokens;
        this.administration = administration;
        this.attachments = attachments;
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit the contact form (API key with the submit scope)")
    public Uni<Response> create(@HeaderParam(ApiKeys.HEADER) String apiKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http,
            ContactRequest request) {
        return gate.submit(SubmissionMetrics.SourceKind.API, apiKey, clientIp(http), idempotencyKey, request)
                .map(accepted -> {
                    var submission = accepted.submission();
                    return Response.created(URI.create("/api/v1/contacts/" + submission.contactId()))
                            .header("Idempotent-Replayed", submission.replayed() ? "true" : null)
                            .entity(new ContactViews.Created(submission.contactId(), submission.createdAt(),
                                    uploadTokens.issue(submission.contactId())))
                            .build();
                });
    }

    @POST
    @PermitAll
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Submit the contact form with attachments (files parts; API key with the submit scope)")
    public Uni<Response> createWithFiles(@HeaderParam(ApiKeys.HEADER) String apiKey,
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Context HttpServerRequest http,
            @BeanParam ContactMultipartForm form) {
        List<FileUpload> files = form.files == null ? List.of() : form.files;
        if (files.size() > MAX_FILES) {
            throw ProblemException.badField("files", "at most " + MAX_FILES + " files per submission");
        }
        String documentType = form.documentType == null || form.documentType.isBlank() ? "other" : form.documentType.strip();
        return gate.submit(SubmissionMetrics.SourceKind.API, apiKey, clientIp(http), idempotencyKey, form.toRequest())
                .chain(accepted -> {
                    var submission = accepted.submission();
                    UUID contactId = submission.contactId();
                    String token = uploadTokens.issue(contactId);
                    // a replay forwards the files again: each has its own key, so what the first call stored
                    // is answered, and what it never got to is stored now (never silently left out)
                    Uni<List<AttachmentForwarder.Outcome>> outcomes = accepted.dropped()
                            ? Uni.createFrom().item(List.of())
                            : attachments.forward(contactId, token, documentType, files);
                    return outcomes.map(documents -> Response.created(URI.create("/api/v1/contacts/" + contactId))
                            .entity(new ContactViews.CreatedWithDocuments(contactId, submission.createdAt(), token,
                                    documents))
                            .build());
                });
    }

    @GET
    @Path("challenge")
    @PermitAll
    @Operation(summary = "A proof-of-work challenge (ALTCHA) for the web form's submission, which carries its solution as altcha")
    public Response challenge(@Context HttpServerRequest http) {
        return Response.ok(gate.challenge(clientIp(http))).header("Cache-Control", "no-store").build();
    }

    @GET
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "List submissions, newest first (admin)")
    public Uni<ContactViews.Page> list(
            @QueryParam("page") @Parameter(description = "from 0") String pageParam,
            @QueryParam("size") @Parameter(description = "1 to 100, default 20") String sizeParam,
            @QueryParam("status") @Parameter(description = "new, contacted or closed") String status,
            @QueryParam("source") @Parameter(description = "exact source, e.g. website") String source,
            @QueryParam("createdFrom") @Parameter(description = "ISO-8601 instant or date (UTC midnight), inclusive") String createdFrom,
            @QueryParam("createdTo") @Parameter(description = "ISO-8601 instant or date (UTC midnight), exclusive") String createdTo,
            @QueryParam("q") @Parameter(description = "words in the name, email or company (at most 200 characters)") String text) {
        int page = QueryValues.integer("page", pageParam, 0, 0, Integer.MAX_VALUE);
        int size = QueryValues.integer("size", sizeParam, 20, 1, 100);
        QueryValues.requireReachable("page", page, size);
        if (status != null && ContactStatus.fromWire(status).isEmpty()) {
            throw ProblemException.badField("status", "must be one of new, contacted, closed");
        }
        if (text != null && text.length() > 200) {
            throw ProblemException.badField("q", "must be at most 200 characters");
        }
        return administration.list(new ContactQuery(status, blankToNull(source),
                QueryValues.instant("createdFrom", createdFrom, false), QueryValues.instant("createdTo", createdTo, false),
                blankToNull(text), page, size));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "One submission with its documents and their aggregated insights (admin)")
    public Uni<ContactViews.Detail> detail(@PathParam("id") String id) {
        return administration.detail(uuid(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(AdminRole.NAME)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a submission's status: new, contacted or closed (admin)")
    public Uni<ContactViews.Detail> changeStatus(@PathParam("id") String id, ContactViews.StatusChange change,
            @Context SecurityContext security) {
        ContactStatus status = ContactStatus.fromWire(change == null ? null : change.status())
                .orElseThrow(() -> ProblemException.badField("status", "must be one of new, contacted, closed"));
        return administration.changeStatus(uuid(id), status, security.getUserPrincipal().getName());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "Erase a submission; its documents, index entries and mail log data follow (admin)")
    public Uni<Response> erase(@PathParam("id") String id) {
        return administration.erase(uuid(id)).replaceWith(Response.noContent().build());
    }

    static String clientIp(HttpServerRequest http) {
        // Behind Caddy, quarkus.http.proxy.* makes this the forwarded client address (trusted proxies only).
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "Not found", "No contact with this id.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
