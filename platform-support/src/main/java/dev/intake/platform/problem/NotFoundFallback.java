package dev.intake.platform.problem;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.ext.web.Router;

/**
 * Answers requests no endpoint matched with a problem+json 404 instead of the HTTP layer's plain
 * text page, keeping the correlation id header on it.
 */
@Singleton
public class NotFoundFallback {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> RouteErrors.answer(ctx, 404,
                ErrorResponses.isLegacyPath(ctx.normalizedPath()) ? "Not found" : "No resource at this path."));
    }
}
