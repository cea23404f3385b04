package dev.intake.platform.event;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.intake.platform.problem.ProblemException;

/**
 * Every {@code /internal} call must carry the token of its caller→this service pair (401 without one,
 * 403 for one this service does not know) and go to a path that caller may call (403 otherwise); checked
 * before anything reads the body.
 */
public class InternalCallFilter {

    private final ServiceTokens tokens;

    public InternalCallFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public void requireServiceToken(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/internal/")) {
            ServiceTokens.Caller caller = tokens.authenticate(request.getHeaderString(ServiceTokens.HEADER));
            if (!caller.mayCall(path)) {
                throw new ProblemException(403, "Forbidden", "caller " + caller.name() + " may not call this path");
            }
        }
    }
}
