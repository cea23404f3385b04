package dev.intake.platform.event;

import jakarta.ws.rs.container.ContainerRequestContext;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every {@code /internal} call must carry the service token; checked before anything reads the body. */
public class InternalCallFilter {

    private final ServiceToken token;

    public InternalCallFilter(ServiceToken token) {
        this.token = token;
    }

    @ServerRequestFilter
    public void requireServiceToken(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().startsWith("/internal/")) {
            token.require(request.getHeaderString(EventSender.TOKEN_HEADER));
        }
    }
}
