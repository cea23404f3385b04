package dev.intake.platform.http;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import dev.intake.platform.problem.RouteErrors;
import dev.intake.platform.security.AdminIdentityProvider;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;

/**
 * Limits failed admin authentications per client address: after {@code intake.http.auth-failures.max}
 * answers of 401 to requests with credentials in a window, the address gets 429 with Retry-After
 * without its password being checked, so guessing is slow and a flood of bad passwords costs no bcrypt.
 * Credentials that passed recently are still let through (no bcrypt either), so an administrator is
 * not locked out by someone guessing from the same address. Behind Caddy the address is the forwarded
 * one, trusted from {@code quarkus.http.proxy.trusted-proxies} only.
 */
@Singleton
public class AdminLoginThrottle {

    static final int PRIORITY = 280;

    private final FixedWindows failures;
    private final int max;
    private final AdminIdentityProvider admins;

    public AdminLoginThrottle(HttpGuardConfig config, AdminIdentityProvider admins) {
        this.failures = new FixedWindows(config.authFailures().window(), Clock.systemUTC());
        this.max = config.authFailures().max();
        this.admins = admins;
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext ctx) {
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            ctx.next();
            return;
        }
        String address = clientAddress(ctx);
        long retryAfter = failures.blockedFor(address, max);
        if (retryAfter > 0 && !remembered(authorization)) {
            RouteErrors.answer(ctx, 429, "Too many failed sign-ins from this address; retry later.",
                    Map.of("Retry-After", Long.toString(retryAfter)));
            return;
        }
        ctx.addHeadersEndHandler(ignored -> {
            if (ctx.response().getStatusCode() == 401) {
                failures.take(address, Integer.MAX_VALUE);
            }
        });
        ctx.next();
    }

    private boolean remembered(String authorization) {
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon > 0 && admins.remembers(decoded.substring(0, colon), decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String clientAddress(RoutingContext ctx) {
        // quarkus.http.proxy.* has already replaced a trusted proxy's address with the forwarded one
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }

    @Scheduled(every = "1M")
    void forgetExpiredWindows() {
        failures.forgetExpired();
    }
}
