package dev.intake.document.rest;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.intake.document.event.DocumentEvents;
import dev.intake.document.service.ProcessedDocuments;
import dev.intake.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/** search-service rebuilds its index from here (service token; never routed by the edge). */
@Path("/internal/documents")
@Produces(MediaType.APPLICATION_JSON)
public class InternalDocumentResource {

    public record Batch(List<DocumentEvents.Processed> items, UUID next) {
    }

    private final ProcessedDocuments processed;

    public InternalDocumentResource(ProcessedDocuments processed) {
        this.processed = processed;
    }

    @GET
    public Uni<Batch> page(@QueryParam("after") String after, @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > 200) {
            throw ProblemException.badField("limit", "must be between 1 and 200");
        }
        UUID cursor = after == null || after.isBlank() ? null : DocumentResource.uuidField("after", after);
        return processed.after(cursor, limit).map(items -> new Batch(items,
                items.size() == limit ? items.get(items.size() - 1).documentId() : null));
    }
}
