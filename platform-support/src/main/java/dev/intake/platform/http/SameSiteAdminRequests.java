package dev.intake.platform.http;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.problem.RouteErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Cross-site request forgery guard for the admin endpoints. A browser attaches the administrator's
 * cached Basic credentials to any request to the site, also one a foreign page makes it send, so a
 * state-changing request that carries credentials must come from the site itself: {@code Sec-Fetch-Site}
 * same-origin (or none: typed by the user) and, when sent, an {@code Origin} that is the site's own or
 * configured ({@code intake.http.allowed-origins}). API clients send neither header and are unaffected.
 * Its body must be JSON or multipart, the types a foreign page cannot send without a CORS preflight
 * (and CORS is off): a {@code text/plain} body is refused with 415, also where no body is read.
 */
@Singleton
public class SameSiteAdminRequests {

    static final int PRIORITY = 300;
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final List<String> allowedOrigins;

    public SameSiteAdminRequests(HttpGuardConfig config) {
        this.allowedOrigins = config.allowedOrigins().orElse(List.of()).stream()
                .map(o -> o.strip().toLowerCase(Locale.ROOT)).filter(o -> !o.isEmpty()).toList();
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (!STATE_CHANGING.contains(request.method().name()) || request.getHeader("Authorization") == null
                || ctx.normalizedPath().startsWith("/internal/")) {
            ctx.next();
            return;
        }
        String refusal = crossSiteRefusal(request.getHeader("Sec-Fetch-Site"), request.getHeader("Origin"),
                request.scheme() + "://" + request.getHeader("Host"));
        if (refusal != null) {
            RouteErrors.answer(ctx, 403, refusal);
            return;
        }
        String contentType = request.getHeader("Content-Type");
        boolean readable = !MediaTypes.declaresBody(request.getHeader("Content-Length"), request.getHeader("Transfer-Encoding"))
                || MediaTypes.isJson(contentType) || MediaTypes.isMultipart(contentType);
        if (!readable) {
            RouteErrors.answer(ctx, 415, "An administrator's request must send JSON or multipart/form-data, or no body.");
            return;
        }
        ctx.next();
    }

    /** Why the request is not the site's own, or null when it is (or is no browser's). */
    String crossSiteRefusal(String fetchSite, String origin, String ownOrigin) {
        boolean originAllowed = origin != null && allowedOrigins.contains(origin.strip().toLowerCase(Locale.ROOT));
        if (fetchSite != null) {
            String site = fetchSite.strip().toLowerCase(Locale.ROOT);
            if (!site.equals("same-origin") && !site.equals("none") && !originAllowed) {
                return "An administrator's request must come from this site's own pages (Sec-Fetch-Site: " + safe(site) + ").";
            }
        }
        if (origin != null && !originAllowed && !origin.strip().equalsIgnoreCase(ownOrigin)) {
            return "An administrator's request must come from this site's own pages (Origin is another site).";
        }
        return null;
    }

    private static String safe(String value) {
        return value.matches("[a-z-]{1,20}") ? value : "unknown";
    }
}
