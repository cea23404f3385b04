package dev.intake.document.rest;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import com.fasterxml.jackson.databind.JsonNode;

import dev.intake.document.config.StorageConfig;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import dev.intake.document.service.DocumentAdministration;
import dev.intake.document.service.DocumentProcessor;
import dev.intake.platform.work.WorkEngine;
import dev.intake.document.service.DocumentUploads;
import dev.intake.document.service.UploadRequest;
import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.QueryValues;
import dev.intake.platform.security.AdminRole;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.quarkus.security.identity.SecurityIdentity;
import dev.intake.document.service.OnVertxContext;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** Uploads (upload token or admin) and the administrator's document operations. */
@Path("/api/v1/documents")
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {

    public record Page(java.util.List<DocumentView> items, int page, int size, long total) {
    }

    public record Detail(DocumentView document, JsonNode insights) {
    }

    private final DocumentUploads uploads;
    private final DocumentAdministration administration;
    private final MinioClient storage;
    private final StorageConfig storageConfig;
    private final SecurityIdentity identity;
    private final WorkEngine engine;

    public DocumentResource(DocumentUploads uploads, DocumentAdministration administration, MinioClient storage,
            StorageConfig storageConfig, SecurityIdentity identity, WorkEngine engine) {
        this.engine = engine;
        this.uploads = uploads;
        this.administration = administration;
        this.storage = storage;
        this.storageConfig = storageConfig;
        this.identity = identity;
    }

    @POST
    @PermitAll
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Upload a file for a contact (the contact's upload token, or admin credentials)")
    public Response upload(@RestForm("file") FileUpload file, @RestForm String contactId,
            @RestForm String documentType, @RestForm String description, @RestForm String tags,
            @RestForm("uploadToken") String formToken, @HeaderParam("X-Upload-Token") String headerToken,
            @HeaderParam("Idempotency-Key") String idempotencyKey) {
        String token = headerToken != null ? headerToken : formToken;
        var request = UploadForm.validate(file, contactId, documentType, description, tags, token,
                identity.hasRole(AdminRole.NAME), "contactId", "documentType");
        return created(uploads.storeOnce(withIdempotencyKey(request, idempotencyKey)));
    }

    private static UploadRequest withIdempotencyKey(UploadRequest request, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw ProblemException.badField("Idempotency-Key", "must be 1 to 200 characters");
        }
        return request.withIdempotencyKey(idempotencyKey);
    }

    /** A retry is answered as the first call was (201), marked as replayed. */
    private static Response created(DocumentUploads.Stored stored) {
        var document = stored.document();
        return Response.created(URI.create("/api/v1/documents/" + document.id))
                .header("Idempotent-Replayed", stored.replayed() ? "true" : null)
                .entity(DocumentView.of(document)).build();
    }

    /**
     * The file as the request body, its fields as query parameters: the bytes stream to S3 as they arrive (no
     * spool file, no multipart parsing), after the token and the quotas are checked and before a byte is read.
     */
    @POST
    @PermitAll
    @Blocking
    @Consumes(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(summary = "Upload a file sent as the body (application/octet-stream) with its fields as query parameters")
    public Response uploadBody(InputStream body, @QueryParam("contactId") String contactId,
            @QueryParam("filename") String filename, @QueryParam("documentType") String documentType,
            @QueryParam("description") String description, @QueryParam("tags") String tags,
            @HeaderParam("X-Upload-Token") String token, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @HeaderParam("Content-Length") String contentLength) {
        if (contentLength == null) {
            throw new ProblemException(411, "Length required",
                    "A file sent as the body needs its Content-Length (chunked bodies are not accepted).");
        }
        long size;
        try {
            size = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            throw ProblemException.badField("Content-Length", "must be a whole number of bytes");
        }
        var request = UploadForm.validateStreamed(filename, body, size, contactId, documentType, description, tags,
                token, identity.hasRole(AdminRole.NAME));
        return created(uploads.storeOnce(withIdempotencyKey(request, idempotencyKey)));
    }

    @GET
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "List documents, newest first (admin)")
    public Uni<Page> list(@QueryParam("contactId") String contactId, @QueryParam("status") String status,
            @QueryParam("page") String pageParam, @QueryParam("size") String sizeParam) {
        int page = QueryValues.integer("page", pageParam, 0, 0, Integer.MAX_VALUE);
        int size = QueryValues.integer("size", sizeParam, 20, 1, 100);
        QueryValues.requireReachable("page", page, size);
        UUID contact = contactId == null ? null : uuidField("contactId", contactId);
        DocumentStatus wanted = null;
        if (status != null) {
            try {
                wanted = DocumentStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badField("status", "must be one of pending, processing, completed, failed");
            }
        }
        return administration.list(contact, wanted, page, size).map(p -> new Page(
                p.items().stream().map(DocumentView::of).toList(), page, size, p.total()));
    }

    @GET
    @Path("{id}")
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "A document with its insights (admin)")
    public Uni<Detail> detail(@PathParam("id") String id) {
        UUID documentId = pathId(id);
        return administration.find(documentId)
                .chain(d -> administration.insights(documentId).map(insights -> new Detail(DocumentView.of(d), insights)));
    }

    @GET
    @Path("{id}/content")
    @RolesAllowed(AdminRole.NAME)
    @Blocking
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download the stored file; its SHA-256 is checked against the upload's (admin)")
    public Response content(@PathParam("id") String id) {
        UUID documentId = pathId(id);
        var document = OnVertxContext.await(() -> administration.find(documentId));
        StatObjectResponse stat;
        try {
            stat = storage.statObject(StatObjectArgs.builder().bucket(storageConfig.bucket())
                    .object(document.storageKey).build());
        } catch (Exception e) {
            throw new ProblemException(503, "Service unavailable", "The file cannot be read right now.")
                    .withHeader("Retry-After", "10");
        }
        if (stat.size() != document.sizeBytes || !storedAsRecorded(document, stat)) {
            throw new ProblemException(409, "Conflict", "The stored file does not match its recorded checksum.");
        }
        StreamingOutput body = out -> {
            try (InputStream in = storage.getObject(GetObjectArgs.builder().bucket(storageConfig.bucket())
                    .object(document.storageKey).build())) {
                in.transferTo(out);
            } catch (java.io.IOException e) {
                throw e;
            } catch (Exception e) {
                throw new java.io.IOException("storage read failed", e);
            }
        };
        return Response.ok(body, document.contentType)
                .header("Content-Length", document.sizeBytes)
                .header("Content-Disposition", contentDisposition(document.originalFilename, document.storedFilename))
                .header("X-Content-Type-Options", "nosniff")
                .header("Digest", "sha-256=" + java.util.Base64.getEncoder()
                        .encodeToString(java.util.HexFormat.of().parseHex(document.sha256)))
                .build();
    }

    @POST
    @Path("{id}/reprocess")
    @RolesAllowed(AdminRole.NAME)
    @Operation(summary = "Process the document again (admin)")
    public Uni<DocumentView> reprocess(@PathParam("id") String id) {
        // an update NOTIFYs nobody: wake this replica's queue (the others' polls find it too)
        return administration.reprocess(pathId(id))
                .invoke(document -> engine.wakeUp(DocumentProcessor.QUEUE))
                .map(DocumentView::of);
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(AdminRole.NAME)
    @Blocking
    @Operation(summary = "Delete the document and its file (admin)")
    public Response delete(@PathParam("id") String id) {
        UUID documentId = pathId(id);
        String key = OnVertxContext.await(() -> administration.delete(documentId));
        uploads.removeQuietly(key);
        return Response.noContent().build();
    }

    /** The object is the one uploaded: its ETag is the MD5 taken as it streamed (older files: its SHA-256 metadata). */
    private static boolean storedAsRecorded(Document document, StatObjectResponse stat) {
        if (document.md5 != null) {
            return document.md5.equalsIgnoreCase(stat.etag().replace("\"", ""));
        }
        return document.sha256.equals(stat.userMetadata().get("sha256"));
    }

    /** An ASCII fallback plus the RFC 5987 UTF-8 name, so any filename is safe in the header. */
    static String contentDisposition(String original, String safe) {
        String encoded = URLEncoder.encode(original, StandardCharsets.UTF_8).replace("+", "%20");
        return "attachment; filename=\"" + safe + "\"; filename*=UTF-8''" + encoded;
    }

    static UUID pathId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ProblemException(404, "Not found", "No document with this id.");
        }
    }

    static UUID uuidField(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be a UUID");
        }
    }
}
