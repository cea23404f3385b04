package dev.intake.notification.rest;

import java.time.OffsetDateTime;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.intake.notification.model.NotificationStatus;
import dev.intake.notification.model.Template;
import dev.intake.notification.service.NotificationAdmin;
import dev.intake.notification.service.NotificationFilter;
import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.security.AdminRole;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/** The delivery log for administrators: what was mailed, what failed, and retrying a failed mail. */
@Path("/api/v1/notifications")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(AdminRole.NAME)
public class NotificationAdminResource {

    static final int MAX_SIZE = 100;

    private final NotificationAdmin admin;

    public NotificationAdminResource(NotificationAdmin admin) {
        this.admin = admin;
    }

    @GET
    @WithSession
    @Operation(summary = "The delivery log, newest first, optionally filtered by status, template, creation time and contact")
    public Uni<NotificationPage> list(
            @Parameter(description = "0-based page") @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size,
            @Parameter(description = "PENDING, SENT, FAILED or SUPPRESSED") @QueryParam("status") String status,
            @Parameter(description = "contact-admin, contact-confirmation, document-digest or contact-digest") @QueryParam("template") String template,
            @Parameter(description = "created at or after (ISO-8601 date-time or date)") @QueryParam("from") String from,
            @Parameter(description = "created before (ISO-8601 date-time or date)") @QueryParam("to") String to,
            @Parameter(description = "only mails about this contact") @QueryParam("contactId") String contactId) {
        int pageIndex = QueryParams.integer("page", page, 0, 0, 1_000_000);
        int pageSize = QueryParams.integer("size", size, 20, 1, MAX_SIZE);
        OffsetDateTime fromTime = QueryParams.instant("from", from);
        OffsetDateTime toTime = QueryParams.instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw ProblemException.badField("to", "must be after from");
        }
        NotificationFilter filter = new NotificationFilter(
                QueryParams.enumValue("status", status, NotificationStatus.class), template(template), fromTime, toTime,
                contactId == null || contactId.isBlank() ? null : QueryParams.uuid("contactId", contactId));
        return admin.list(filter, pageIndex, pageSize).map(found -> new NotificationPage(
                found.items().stream().map(NotificationView::of).toList(), pageIndex, pageSize, found.total()));
    }

    @GET
    @Path("{id}")
    @WithSession
    @Operation(summary = "One delivery log entry")
    public Uni<NotificationView> get(@PathParam("id") String id) {
        return admin.get(QueryParams.uuid("id", id)).map(NotificationView::of);
    }

    @POST
    @Path("{id}/retry")
    @WithTransaction
    @Operation(summary = "Queue a FAILED mail again, with fresh attempts (sent within moments)")
    public Uni<NotificationView> retry(@PathParam("id") String id) {
        return admin.retry(QueryParams.uuid("id", id)).map(NotificationView::of);
    }

    private static Template template(String key) {
        if (key == null || key.isBlank()) {
            return null;
        }
        return Template.fromKey(key.strip()).orElseThrow(
                () -> ProblemException.badField("template", "must be one of contact-admin, contact-confirmation, document-digest, contact-digest"));
    }
}
