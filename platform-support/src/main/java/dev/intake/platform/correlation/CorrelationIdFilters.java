package dev.intake.platform.correlation;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Accepts or generates the correlation id of each request, puts it in the MDC (so every log line of the
 * request carries it) and returns it on the response.
 */
public class CorrelationIdFilters {

    static final String PROPERTY = CorrelationIdFilters.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = CorrelationId.acceptOrGenerate(request.getHeaderString(CorrelationId.HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(CorrelationId.MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(CorrelationId.HEADER, id);
        }
    }

    /** The id of the request being handled, or a fresh one outside a request. */
    public static String current() {
        Object id = MDC.get(CorrelationId.MDC_KEY);
        return id != null ? id.toString() : CorrelationId.generate();
    }
}
