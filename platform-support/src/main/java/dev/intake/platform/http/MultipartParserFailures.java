package dev.intake.platform.http;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.intake.platform.problem.ProblemMappers;
import dev.intake.platform.problem.RouteErrors;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * RESTEasy Reactive's multipart parser fails now and then on a body of random bytes with an
 * ArrayIndexOutOfBoundsException that no JAX-RS mapper sees (docs/known-issues.md); left to the default error
 * handler, the client got no answer. This failure handler answers it as the malformed body it is: 400, and the
 * connection closed.
 */
@Singleton
public class MultipartParserFailures {

    private static final Logger LOG = Logger.getLogger(MultipartParserFailures.class);
    private static final String PARSER = "org.jboss.resteasy.reactive.server.core.multipart.MultipartParser";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        if (!fromTheParser(ctx.failure()) || ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        LOG.debugf("multipart parser failed on %s: answered 400", ctx.normalizedPath());
        RouteErrors.answer(ctx, 400, ProblemMappers.MALFORMED_MULTIPART);
    }

    static boolean fromTheParser(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            StackTraceElement[] frames = t.getStackTrace();
            if (t instanceof IndexOutOfBoundsException && frames.length > 0 && frames[0].getClassName().startsWith(PARSER)) {
                return true;
            }
        }
        return false;
    }
}
