package dev.intake.platform.problem;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.correlation.CorrelationId;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * Answers requests no endpoint matched with a problem+json 404 instead of the HTTP layer's plain
 * text page, keeping the correlation id header on it.
 */
@Singleton
public class NotFoundFallback {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            String id = CorrelationId.acceptOrGenerate(ctx.request().getHeader(CorrelationId.HEADER));
            String path = ctx.normalizedPath();
            boolean legacy = ErrorResponses.isLegacyPath(path);
            Object body = legacy
                    ? LegacyError.now("Not found")
                    : new Problem("about:blank", "Not found", 404, "No resource at this path.", path, id,
                            List.of());
            ctx.response().setStatusCode(404)
                    .putHeader("Content-Type", legacy ? "application/json" : Problem.MEDIA_TYPE)
                    .putHeader(CorrelationId.HEADER, id)
                    .end(Json.encode(body));
        });
    }
}
