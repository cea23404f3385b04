package dev.intake.document.rest;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.intake.document.config.DocumentConfig;
import dev.intake.document.service.FileTypePolicy;

/**
 * What an upload may be, for clients that check files before sending them (the web form): the same
 * configuration the upload endpoint enforces, so the two cannot drift apart.
 */
@Path("/api/v1/documents/limits")
@Produces(MediaType.APPLICATION_JSON)
public class UploadLimitsResource {

    public record UploadLimits(long maxBytes, List<String> extensions, List<String> documentTypes) {
    }

    private final UploadLimits limits;

    public UploadLimitsResource(DocumentConfig config, FileTypePolicy fileTypes) {
        this.limits = new UploadLimits(config.maxSizeBytes(), fileTypes.enabledExtensions().stream().sorted().toList(),
                UploadForm.DOCUMENT_TYPES);
    }

    @GET
    @PermitAll
    @Operation(summary = "The largest accepted file, the accepted extensions and document types (public)")
    public Response get() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(300);
        return Response.ok(limits).cacheControl(cache).build();
    }
}
