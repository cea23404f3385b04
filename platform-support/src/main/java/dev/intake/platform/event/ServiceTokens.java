package dev.intake.platform.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Singleton;

import dev.intake.platform.problem.ProblemException;
import io.quarkus.runtime.Startup;

/**
 * Tells which service an internal call comes from by its per-pair token ({@link ServiceTokensConfig}),
 * in constant time, and what that caller may send. Built at startup, so two callers sharing a token
 * (which would make the caller ambiguous) stop the service before it answers anyone.
 */
@Startup
@Singleton
public class ServiceTokens {

    /** The request header an internal call carries its token in. */
    public static final String HEADER = "X-Service-Token";

    /** An authenticated calling service, the event types it may deliver and the internal paths it may call. */
    public record Caller(String name, Set<String> eventTypes, List<String> paths) {

        public boolean maySend(String eventType) {
            return eventTypes.contains(eventType);
        }

        /** The path is one of this caller's or lies below one ({@code /internal/events/batch} under {@code /internal/events}). */
        public boolean mayCall(String path) {
            for (String allowed : paths) {
                if (path.equals(allowed) || path.startsWith(allowed.endsWith("/") ? allowed : allowed + "/")) {
                    return true;
                }
            }
            return false;
        }
    }

    private record Known(Caller caller, byte[] digest) {
    }

    private final List<Known> known = new ArrayList<>();

    public ServiceTokens(ServiceTokensConfig config) {
        for (Map.Entry<String, ServiceTokensConfig.Caller> entry : config.callers().entrySet()) {
            byte[] digest = sha256(entry.getValue().token());
            for (Known other : known) {
                if (MessageDigest.isEqual(other.digest(), digest)) {
                    throw new IllegalStateException("intake.service-tokens." + other.caller().name() + ".token and intake.service-tokens."
                            + entry.getKey() + ".token are the same: every caller needs a token of its own");
                }
            }
            ServiceTokensConfig.Caller caller = entry.getValue();
            known.add(new Known(new Caller(entry.getKey(), Set.copyOf(caller.eventTypes().orElse(List.of())),
                    List.copyOf(caller.paths())), digest));
        }
    }

    /** The caller whose token this is: 401 without a token, 403 for a token no caller of this service has. */
    public Caller authenticate(String presented) {
        if (presented == null || presented.isEmpty()) {
            throw new ProblemException(401, "Authentication required", "A service token is required.");
        }
        // digests of equal length, and every caller compared: the time taken tells neither the length nor who matched
        byte[] given = sha256(presented);
        Caller match = null;
        for (Known candidate : known) {
            if (MessageDigest.isEqual(candidate.digest(), given)) {
                match = candidate.caller();
            }
        }
        if (match == null) {
            throw new ProblemException(403, "Forbidden", "This service token is not accepted here.");
        }
        return match;
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
