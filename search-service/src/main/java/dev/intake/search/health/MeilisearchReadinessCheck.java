package dev.intake.search.health;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.intake.platform.health.HttpProbe;
import dev.intake.search.config.MeiliConfig;
import dev.intake.search.service.IndexState;

/**
 * Ready while Meilisearch answers an authenticated call and the index settings have been applied:
 * {@code /version} needs the key, so a wrong key is caught too, which the open {@code /health} would miss.
 */
@Readiness
@ApplicationScoped
public class MeilisearchReadinessCheck implements HealthCheck {

    private final MeiliConfig config;
    private final HttpProbe probe;
    private final IndexState index;

    public MeilisearchReadinessCheck(MeiliConfig config, IndexState index) {
        this.config = config;
        this.index = index;
        this.probe = new HttpProbe(config.timeout());
    }

    @Override
    public HealthCheckResponse call() {
        URI version = URI.create(config.url().replaceAll("/+$", "") + "/version");
        HealthCheckResponse reachable = probe.check("Meilisearch", version,
                Map.of("Authorization", "Bearer " + config.apiKey()), status -> status == 200);
        boolean settings = index.settingsApplied();
        if (reachable.getStatus() == HealthCheckResponse.Status.UP && settings) {
            return reachable;
        }
        var down = HealthCheckResponse.named("Meilisearch").down().withData("indexSettingsApplied", settings);
        reachable.getData().ifPresent(data -> data.forEach((key, value) -> down.withData(key, String.valueOf(value))));
        return down.build();
    }
}
