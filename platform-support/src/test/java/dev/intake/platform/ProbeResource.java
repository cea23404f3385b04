package dev.intake.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.jboss.logging.Logger;

/** A tiny application for exercising the library's filters and mappers over real HTTP. */
@Path("/")
public class ProbeResource {

    private static final Logger LOG = Logger.getLogger(ProbeResource.class);

    public record Greeting(@NotBlank String name, @Email String email, int count) {
    }

    /** An internal read besides the event inbox, open to the callers whose paths include it. */
    @GET
    @Path("internal/probe")
    public String internalRead() {
        return "internal";
    }

    @GET
    @Path("api/v1/probe/log")
    public String log() {
        LOG.info("probe handled");
        return "logged";
    }

    @GET
    @Path("api/v1/probe/fail")
    public String fail() {
        throw new IllegalStateException("FATAL: relation \"secret_table\" does not exist");
    }

    @POST
    @Path("api/v1/probe/greetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public String greet(@Valid Greeting greeting) {
        return "hello";
    }

    /** A file as the body, on a path of {@code intake.http.streamed-upload-paths}: answers how many bytes came. */
    @POST
    @Path("api/v1/probe/files")
    @Consumes({ MediaType.APPLICATION_OCTET_STREAM, MediaType.APPLICATION_JSON })
    @io.smallrye.common.annotation.Blocking
    public String receiveFile(java.io.InputStream body) throws java.io.IOException {
        return Long.toString(body.transferTo(java.io.OutputStream.nullOutputStream()));
    }

    @POST
    @Path("api/v1/probe/admin/action")
    @jakarta.annotation.security.RolesAllowed(dev.intake.platform.security.AdminRole.NAME)
    public String adminAction() {
        return "done";
    }

    @POST
    @Path("api/v1/probe/admin/greetings")
    @Consumes(MediaType.APPLICATION_JSON)
    @jakarta.annotation.security.RolesAllowed(dev.intake.platform.security.AdminRole.NAME)
    public String adminGreet(Greeting greeting) {
        return "hello admin";
    }

    @POST
    @Path("stats-probe/greetings")
    @Consumes(MediaType.APPLICATION_JSON)
    public String legacyGreet(Greeting greeting) {
        return "hello";
    }

    @GET
    @Path("stats-probe/fail")
    public String legacyFail() {
        throw new IllegalStateException("java.sql.SQLException: internals");
    }
}
