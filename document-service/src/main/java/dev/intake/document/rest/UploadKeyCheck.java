package dev.intake.document.rest;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.problem.ProblemException;
import dev.intake.platform.problem.RouteErrors;
import dev.intake.platform.security.ApiKeyScope;
import dev.intake.platform.security.ApiKeys;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * The old upload path is authenticated by its X-API-Key header alone, so the key is checked here, before
 * the multipart body is read and spooled to disk: a caller without a valid submit key costs no disk and no
 * parsing (401/403 in the old envelope, connection closed). Administrator credentials go on to the usual check.
 */
@Singleton
public class UploadKeyCheck {

    /** After the admin sign-in throttle (280), before any body is read. */
    static final int PRIORITY = 270;

    private final ApiKeys apiKeys;

    public UploadKeyCheck(ApiKeys apiKeys) {
        this.apiKeys = apiKeys;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST || !"/documents/upload".equals(ctx.normalizedPath())
                || ctx.request().getHeader("Authorization") != null) {
            ctx.next();
            return;
        }
        try {
            apiKeys.require(ctx.request().getHeader(ApiKeys.HEADER), ApiKeyScope.SUBMIT);
        } catch (ProblemException refused) {
            RouteErrors.answer(ctx, refused.status(), refused.getMessage());
            return;
        }
        ctx.next();
    }
}
