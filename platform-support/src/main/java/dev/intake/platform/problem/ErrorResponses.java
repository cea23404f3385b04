package dev.intake.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import dev.intake.platform.correlation.CorrelationId;
import dev.intake.platform.correlation.CorrelationIdFilters;

/**
 * Builds error responses in the shape the path's clients expect: problem+json on `/api/v1` and
 * everywhere new, the old `{error, timestamp}` envelope on the old system's public paths.
 */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static Response of(String path, int status, String title, String detail,
            List<Problem.FieldError> errors) {
        String correlationId = CorrelationIdFilters.current();
        Response.ResponseBuilder builder = Response.status(status).header(CorrelationId.HEADER, correlationId);
        if (isLegacyPath(path)) {
            return builder.type("application/json")
                    .entity(LegacyError.now(legacyText(title, detail, errors)))
                    .build();
        }
        return builder.type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", title, status, detail, path, correlationId, errors))
                .build();
    }

    /** The old envelope has one text: the detail, then each field and what is wrong with it. */
    static String legacyText(String title, String detail, List<Problem.FieldError> errors) {
        String text = detail != null ? detail : title;
        if (errors == null || errors.isEmpty()) {
            return text;
        }
        StringBuilder named = new StringBuilder(text.endsWith(".") ? text.substring(0, text.length() - 1) : text)
                .append(": ");
        for (int i = 0; i < errors.size(); i++) {
            named.append(i == 0 ? "" : "; ").append(errors.get(i).field()).append(' ').append(errors.get(i).message());
        }
        return named.append('.').toString();
    }

    /** Everything outside `/api/v1`, `/internal` and `/q` is an old public path. */
    static boolean isLegacyPath(String path) {
        return path != null && !path.startsWith("/api/") && !path.startsWith("/internal/")
                && !path.startsWith("/q/");
    }

    /** A short, fixed text for a status, never taken from an exception message. */
    public static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Invalid request";
            case 401 -> "Authentication required";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable content";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request failed";
        };
    }
}
