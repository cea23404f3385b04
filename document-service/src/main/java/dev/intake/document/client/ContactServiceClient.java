package dev.intake.document.client;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import dev.intake.platform.event.ServiceTokens;

/** contact-service's internal API: does a contact exist, does an upload token belong to it (this pair's service token). */
@RegisterRestClient(configKey = "contact-service")
@Path("/internal/contacts/{id}")
public interface ContactServiceClient {

    /** The contact's upload token, or (old upload path) the name of the API key the caller presented. */
    record TokenCheck(String uploadToken, String apiKey) {
    }

    @GET
    Response exists(@PathParam("id") String contactId, @HeaderParam(ServiceTokens.HEADER) String serviceToken);

    @POST
    @Path("upload-authorization")
    @Consumes(MediaType.APPLICATION_JSON)
    Response authorizeUpload(@PathParam("id") String contactId, @HeaderParam(ServiceTokens.HEADER) String serviceToken,
            TokenCheck check);
}
