package dev.intake.platform.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.problem.RouteErrors;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Bounds every request body but multipart uploads at {@code intake.http.max-json-body-bytes} (64 KiB):
 * {@code quarkus.http.limits.max-body-size} is one limit for all and must fit 50 MB files. A body
 * over the limit is refused by its declared length before a byte is read; one without a length
 * (chunked) cannot be bounded before the endpoint buffers it, so it must declare one (411).
 * {@code /internal} is exempt: event batches between services are up to 1 MiB, behind the service token; and so
 * are octet-stream bodies on {@code intake.http.streamed-upload-paths}, files whose endpoint bounds them.
 */
@Singleton
public class JsonBodyLimit {

    static final int PRIORITY = 290;

    private final long maxBytes;
    private final java.util.Set<String> streamedUploadPaths;

    public JsonBodyLimit(HttpGuardConfig config) {
        this.maxBytes = config.maxJsonBodyBytes();
        this.streamedUploadPaths = java.util.Set.copyOf(config.streamedUploadPaths().orElse(java.util.List.of()));
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() == io.vertx.core.http.HttpMethod.GET || request.method() == io.vertx.core.http.HttpMethod.HEAD
                || request.method() == io.vertx.core.http.HttpMethod.OPTIONS) {
            // no body is read for these; an HTTP/2 GET (the JDK client upgrades by default) is not yet "ended" here
            ctx.next();
            return;
        }
        String length = request.getHeader("Content-Length");
        // HTTP/2 has no Transfer-Encoding: a stream that goes on without a length is the same case
        String chunked = request.getHeader("Transfer-Encoding") != null
                || (length == null && request.version() == io.vertx.core.http.HttpVersion.HTTP_2 && !request.isEnded())
                        ? "chunked" : null;
        if (!MediaTypes.declaresBody(length, chunked) || MediaTypes.isMultipart(request.getHeader("Content-Type"))
                || ctx.normalizedPath().startsWith("/internal/")
                || (MediaTypes.isOctetStream(request.getHeader("Content-Type"))
                        && streamedUploadPaths.contains(ctx.normalizedPath()))) {
            ctx.next();
            return;
        }
        if (chunked != null) {
            RouteErrors.answer(ctx, 411, "A request body other than multipart/form-data must declare its Content-Length.");
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            RouteErrors.answer(ctx, 400, "Content-Length must be a number.");
            return;
        }
        if (declared > maxBytes) {
            RouteErrors.answer(ctx, 413, "The request body is larger than " + maxBytes / 1024 + " KiB.");
            return;
        }
        ctx.next();
    }
}
