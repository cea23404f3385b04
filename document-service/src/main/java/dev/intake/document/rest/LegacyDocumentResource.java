package dev.intake.document.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.intake.document.config.StorageConfig;
import dev.intake.document.model.Document;
import dev.intake.document.service.DocumentAdministration;
import dev.intake.document.service.DocumentUploads;
import dev.intake.platform.security.ApiKeyScope;
import dev.intake.platform.security.ApiKeys;
import dev.intake.platform.security.AdminRole;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;

/** The old system's document paths with their old shapes (snake_case, lower-case statuses). */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class LegacyDocumentResource {

    public record Uploaded(String document_id, String filename, long size, String content_type,
            String upload_timestamp, String processing_status, String contact_id, String s3_path) {
    }

    public record ListedDocument(String document_id, String filename, String document_type, String description,
            List<String> tags, String upload_timestamp, String processing_status, long size) {
    }

    public record ContactDocuments(String contact_id, List<ListedDocument> documents, long total_count) {
    }

    public record Analytics(long total_contacts, long total_documents, Map<String, Object> document_types,
            Map<String, Object> processing_stats, String timestamp) {
    }

    private final DocumentUploads uploads;
    private final DocumentAdministration administration;
    private final ApiKeys apiKeys;
    private final SecurityIdentity identity;
    private final StorageConfig storageConfig;
    private final CurrentIdentityAssociation identities;

    public LegacyDocumentResource(DocumentUploads uploads, DocumentAdministration administration, ApiKeys apiKeys,
            SecurityIdentity identity, StorageConfig storageConfig, CurrentIdentityAssociation identities) {
        this.identities = identities;
        this.uploads = uploads;
        this.administration = administration;
        this.apiKeys = apiKeys;
        this.identity = identity;
        this.storageConfig = storageConfig;
    }

    @POST
    @Path("documents/upload")
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Old upload endpoint (API key with the submit scope)", deprecated = true)
    public Uploaded upload(@HeaderParam(ApiKeys.HEADER) String apiKey, @RestForm("file") FileUpload file,
            @RestForm("contact_id") String contactId, @RestForm("document_type") String documentType,
            @RestForm String description, @RestForm String tags) {
        String keyName = requireKeyOrAdmin(apiKey, ApiKeyScope.SUBMIT);
        // the old client's flow: the key that submitted the contact (POST /contact) attaches its files;
        // contact-service knows which key that was, and for how long it may
        var request = UploadForm.validate(file, contactId, documentType, description, tags, null, keyName == null,
                keyName, "contact_id", "document_type", UploadForm.TypeRule.ANY_SHORT_TEXT);
        Document d = uploads.store(request);
        return new Uploaded(d.id.toString(), d.originalFilename, d.sizeBytes, d.contentType, timestamp(d.uploadedAt),
                d.status.name().toLowerCase(java.util.Locale.ROOT), d.contactId.toString(),
                "s3://" + storageConfig.bucket() + "/" + d.storageKey);
    }

    @GET
    @Path("contacts/{id}/documents")
    @Operation(summary = "Old list of a contact's documents (API key with the search scope)", deprecated = true)
    public Uni<ContactDocuments> contactDocuments(@HeaderParam(ApiKeys.HEADER) String apiKey,
            @PathParam("id") String contactId) {
        UUID id = DocumentResource.uuidField("contact_id", contactId);
        return keyOrAdmin(apiKey, ApiKeyScope.SEARCH).chain(() -> administration.list(id, null, 0, 100)).map(page -> new ContactDocuments(contactId,
                page.items().stream().map(d -> new ListedDocument(d.id.toString(), d.originalFilename, d.documentType,
                        d.description, d.tags == null ? List.of() : List.of(d.tags), timestamp(d.uploadedAt),
                        d.status.name().toLowerCase(java.util.Locale.ROOT), d.sizeBytes)).toList(),
                page.total()));
    }

    @GET
    @Path("analytics/insights")
    @Operation(summary = "Old document analytics (API key with the search scope)", deprecated = true)
    public Uni<Analytics> analytics(@HeaderParam(ApiKeys.HEADER) String apiKey) {
        return keyOrAdmin(apiKey, ApiKeyScope.SEARCH).chain(administration::statistics).map(s -> new Analytics(number(s.get("contacts")), number(s.get("documents")),
                (Map<String, Object>) s.get("types"),
                Map.of("pending", s.get("pending"), "processing", s.get("processing"), "completed", s.get("completed"),
                        "failed", s.get("failed")),
                timestamp(Instant.now())));
    }

    /** The key's name, or null for the administrator. */
    private String requireKeyOrAdmin(String apiKey, ApiKeyScope scope) {
        if (apiKey == null && identity.hasRole(AdminRole.NAME)) {
            return null;
        }
        return apiKeys.require(apiKey, scope);
    }

    /** The same check without blocking the event loop: the identity is resolved lazily. */
    private Uni<Void> keyOrAdmin(String apiKey, ApiKeyScope scope) {
        if (apiKey != null) {
            apiKeys.require(apiKey, scope);
            return Uni.createFrom().voidItem();
        }
        return identities.getDeferredIdentity().invoke(identity -> {
            if (!identity.hasRole(AdminRole.NAME)) {
                apiKeys.require(null, scope);
            }
        }).replaceWithVoid();
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }

    private static String timestamp(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MILLIS).toString();
    }
}
