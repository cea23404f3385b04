package dev.intake.platform.problem;

import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Maps every failure to a client-safe answer. Exception messages never reach the client: they may
 * hold SQL, driver or parser internals.
 */
public class ProblemMappers {

    /** The detail of a multipart body that cannot be parsed, wherever the parser's failure is caught. */
    public static final String MALFORMED_MULTIPART = "The multipart/form-data body is malformed or incomplete.";

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final Pattern TOO_MANY_PARTS = Pattern.compile("Param limit of \\d+ was exceeded");
    private static final Pattern SAFE_FIELD = Pattern.compile("[A-Za-z0-9_.\\[\\]-]{1,100}");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = ErrorResponses.of(path(uri), e.status(), e.title(), e.getMessage(), e.errors());
        if (e.headers().isEmpty()) {
            return response;
        }
        Response.ResponseBuilder builder = Response.fromResponse(response);
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        return ErrorResponses.of(path(uri), status, ErrorResponses.titleFor(status), null, List.of());
    }

    /** Missing or wrong credentials: a problem+json 401 with the Basic challenge, never the security layer's page. */
    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(ErrorResponses.of(path(uri), 401, ErrorResponses.titleFor(401),
                "Valid administrator credentials are required.", List.of()))
                .header("WWW-Authenticate", "Basic realm=\"intake\"").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ErrorResponses.of(path(uri), 403, ErrorResponses.titleFor(403), "These credentials may not do this.",
                List.of());
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return ErrorResponses.of(path(uri), 400, "Invalid request", "The request has invalid fields.", errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        List<Problem.FieldError> errors = List.of();
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping);
            if (SAFE_FIELD.matcher(field).matches()) {
                errors = List.of(new Problem.FieldError(field, "has the wrong type or format"));
            }
        }
        return ErrorResponses.of(path(uri), 400, "Invalid request", "The request body is not valid JSON for this endpoint.",
                errors);
    }

    /** Declared apart because Quarkus ships its own mapper for this exact type, which shows parser details. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /**
     * A multipart body that ends before its closing boundary, or never has one (random bytes, a cut-off
     * upload): the parser fails with an IOException that names multipart. The client's fault, not ours.
     */
    @ServerExceptionMapper
    public Response unreadableBody(java.io.IOException e, UriInfo uri) {
        String message = e.getMessage();
        if (message != null && message.toLowerCase(java.util.Locale.ROOT).contains("multipart")) {
            return ErrorResponses.of(path(uri), 400, "Invalid request", MALFORMED_MULTIPART, List.of());
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        if (e.getClass() == RuntimeException.class && e.getMessage() != null && TOO_MANY_PARTS.matcher(e.getMessage()).matches()) {
            // RESTEasy Reactive's multipart parser says so with a bare RuntimeException
            return ErrorResponses.of(path(uri), 413, "Payload too large",
                    "The multipart/form-data body has more parts than allowed.", List.of());
        }
        LOG.error("Unhandled error", e);
        return ErrorResponses.of(path(uri), 500, "Internal error",
                "The request could not be completed. Quote the correlation id when reporting this.", List.of());
    }

    private static String path(UriInfo uri) {
        return uri != null ? "/" + uri.getPath().replaceFirst("^/", "") : null;
    }

    /** The last property node: `create.request.email` becomes `email`. */
    static String fieldName(ConstraintViolation<?> violation) {
        String name = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getName() != null) {
                name = node.getName();
            }
        }
        return name != null ? name : "request";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
