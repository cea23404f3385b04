package dev.intake.platform.http;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What the services accept before a request reaches an endpoint: origins, body sizes, failed logins. */
@ConfigMapping(prefix = "intake.http")
public interface HttpGuardConfig {

    /**
     * Origins besides the site's own (scheme://host[:port], as browsers send {@code Origin}) from which
     * browsers may send state-changing admin requests; none by default.
     */
    Optional<List<String>> allowedOrigins();

    /** Largest JSON request body outside {@code /internal} (multipart uploads have their own limit). */
    @WithDefault("65536")
    long maxJsonBodyBytes();

    /**
     * Paths that take a file as an {@code application/octet-stream} body (streamed, with its own size limit), so
     * the JSON body limit does not apply to such bodies there; none by default.
     */
    Optional<List<String>> streamedUploadPaths();

    AuthFailures authFailures();

    interface AuthFailures {

        /** Failed admin authentications per client address and window before it is answered 429. */
        @WithDefault("10")
        int max();

        @WithDefault("1M")
        Duration window();
    }
}
