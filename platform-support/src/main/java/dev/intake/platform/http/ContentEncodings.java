package dev.intake.platform.http;

import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.problem.RouteErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses request bodies in a content coding (gzip, br…) with 415: the services do not decompress
 * requests, so such a body would be read as if it were plain (a compressed JSON as garbage, a compressed
 * multipart as a broken one), and decompressing would let a small body inflate past every size limit.
 */
@Singleton
public class ContentEncodings {

    static final int PRIORITY = 295;

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        String coding = ctx.request().getHeader("Content-Encoding");
        if (coding == null || coding.isBlank() || coding.strip().toLowerCase(Locale.ROOT).equals("identity")) {
            ctx.next();
            return;
        }
        RouteErrors.answer(ctx, 415, "Request bodies must not be compressed (Content-Encoding is not supported).");
    }
}
