package dev.intake.platform.event;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every {@code /internal} call must carry the token of its caller→this service pair (401 without one,
 * 403 for one this service does not know); checked before anything reads the body.
 */
public class InternalCallFilter {

    private final ServiceTokens tokens;

    public InternalCallFilter(ServiceTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public void requireServiceToken(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/internal/")) {
            tokens.authenticate(request.getHeaderString(ServiceTokens.HEADER));
        }
    }
}
