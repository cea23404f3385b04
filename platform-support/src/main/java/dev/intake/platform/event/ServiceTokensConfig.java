package dev.intake.platform.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/**
 * Who may call this service's {@code /internal} endpoints: one entry per calling service, each with the
 * token of that caller→this service pair, e.g. {@code intake.service-tokens.document.token} and
 * {@code intake.service-tokens.document.event-types=document.processed,document.deleted}, and the
 * internal paths each may call ({@code paths}, by default only the event inbox).
 */
@ConfigMapping(prefix = "intake.service-tokens")
public interface ServiceTokensConfig {

    /** Callers by service name (bounded: it appears in logs and problem details). */
    @WithParentName
    Map<String, Caller> callers();

    interface Caller {

        /** The secret this caller presents in {@code X-Service-Token}; no other pair may share it. */
        String token();

        /** The event types this caller may deliver to {@code /internal/events}; none: no events at all. */
        Optional<List<String>> eventTypes();

        /**
         * The {@code /internal} paths this caller may call (each with what lies below it), e.g.
         * {@code /internal/events,/internal/contacts}; another path is 403 for it.
         */
        @WithDefault("/internal/events")
        List<String> paths();
    }
}
