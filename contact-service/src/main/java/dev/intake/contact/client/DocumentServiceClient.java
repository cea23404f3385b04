package dev.intake.contact.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import io.smallrye.mutiny.Uni;

/** document-service's upload endpoint, called with the new contact's upload token. */
@RegisterRestClient(configKey = "document-service")
@Path("/api/v1/documents")
public interface DocumentServiceClient {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    Uni<Response> upload(@HeaderParam("X-Upload-Token") String uploadToken,
            @HeaderParam("Idempotency-Key") String idempotencyKey, ClientMultipartForm form);
}
