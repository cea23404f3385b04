package dev.intake.search.health;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.intake.platform.health.HttpProbe;
import dev.intake.search.config.MeiliConfig;

/**
 * Ready while Meilisearch answers an authenticated call: {@code /version} needs the key, so a wrong
 * key is caught too, which the open {@code /health} would miss.
 */
@Readiness
@ApplicationScoped
public class MeilisearchReadinessCheck implements HealthCheck {

    private final MeiliConfig config;
    private final HttpProbe probe;

    public MeilisearchReadinessCheck(MeiliConfig config) {
        this.config = config;
        this.probe = new HttpProbe(config.timeout());
    }

    @Override
    public HealthCheckResponse call() {
        URI version = URI.create(config.url().replaceAll("/+$", "") + "/version");
        return probe.check("Meilisearch", version, Map.of("Authorization", "Bearer " + config.apiKey()),
                status -> status == 200);
    }
}
