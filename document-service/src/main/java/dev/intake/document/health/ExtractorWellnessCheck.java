package dev.intake.document.health;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import dev.intake.document.config.DocumentConfig;
import dev.intake.platform.health.HttpProbe;
import io.smallrye.health.api.Wellness;

/**
 * Whether the Tika server answers ({@code /q/health/well}). Not a readiness check on purpose: uploads are
 * stored while Tika is down or restarting its child, and their processing waits for it, so taking the
 * service out of rotation would refuse files that can be kept.
 */
@Wellness
@ApplicationScoped
public class ExtractorWellnessCheck implements HealthCheck {

    private final HttpProbe probe;
    private final DocumentConfig config;

    public ExtractorWellnessCheck(DocumentConfig config) {
        this.config = config;
        this.probe = new HttpProbe(config.extractor().connectTimeout());
    }

    @Override
    public HealthCheckResponse call() {
        return probe.check("Text extractor (Apache Tika server)", config.extractor().url().resolve("/tika"), Map.of(),
                status -> status == 200);
    }
}
