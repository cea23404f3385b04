package dev.intake.notification.health;

import java.net.URI;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.intake.notification.config.SesConfig;
import dev.intake.platform.health.HttpProbe;

/**
 * Ready while the SES endpoint answers HTTP at all. It sends nothing: any API call would either send
 * mail or, on the emulator, hang (it only implements the send operations).
 */
@Readiness
@ApplicationScoped
public class SesReachabilityCheck implements HealthCheck {

    private final SesConfig config;
    private final HttpProbe probe;

    public SesReachabilityCheck(SesConfig config) {
        this.config = config;
        this.probe = new HttpProbe(config.timeout());
    }

    @Override
    public HealthCheckResponse call() {
        URI root = URI.create(config.endpoint().replaceAll("/+$", "") + "/");
        return probe.check("Amazon SES endpoint", root, Map.of(), status -> status < 500);
    }
}
