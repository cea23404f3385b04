package dev.intake.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start in the prod profile while a secret named in {@code intake.secrets} is missing,
 * weak or still has its development default. The message names properties, never values.
 */
@Singleton
public class ProdSecretGuard {

    static final String SECRETS_PROPERTY = "intake.secrets";

    private final Config config;

    public ProdSecretGuard(Config config) {
        this.config = config;
    }

    void check(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !ConfigUtils.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = SecretPolicy.violations(secrets());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the prod profile: " + String.join("; ", problems)
                    + ". Set them through the environment (see README, Configuration).");
        }
    }

    private Map<String, String> secrets() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : config.getOptionalValues(SECRETS_PROPERTY, String.class).orElse(List.of())) {
            Optional<String> value = config.getOptionalValue(property, String.class);
            values.put(property, value.orElse(null));
        }
        return values;
    }
}
