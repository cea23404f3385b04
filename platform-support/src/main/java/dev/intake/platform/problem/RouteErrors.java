package dev.intake.platform.problem;

import java.util.List;
import java.util.Map;

import dev.intake.platform.correlation.CorrelationId;
import io.vertx.core.json.Json;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers an error from the HTTP layer, before any endpoint or JAX-RS mapper runs, in the same shapes
 * as {@link ErrorResponses}: problem+json, or the old envelope on the old paths.
 */
public final class RouteErrors {

    private RouteErrors() {
    }

    public static void answer(RoutingContext ctx, int status, String detail) {
        answer(ctx, status, detail, Map.of());
    }

    public static void answer(RoutingContext ctx, int status, String detail, Map<String, String> headers) {
        String id = CorrelationId.acceptOrGenerate(ctx.request().getHeader(CorrelationId.HEADER));
        String path = ctx.normalizedPath();
        boolean legacy = ErrorResponses.isLegacyPath(path);
        String title = ErrorResponses.titleFor(status);
        Object body = legacy
                ? LegacyError.now(detail != null ? detail : title)
                : new Problem("about:blank", title, status, detail, path, id, List.of());
        var response = ctx.response().setStatusCode(status)
                .putHeader("Content-Type", legacy ? "application/json" : Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, id);
        headers.forEach(response::putHeader);
        // the body was not read: close rather than let the client keep sending it
        if (!ctx.request().isEnded() && hasBody(ctx)) {
            response.putHeader("Connection", "close");
        }
        response.end(Json.encode(body));
    }

    private static boolean hasBody(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        return ctx.request().getHeader("Transfer-Encoding") != null || (length != null && !length.strip().equals("0"));
    }
}
