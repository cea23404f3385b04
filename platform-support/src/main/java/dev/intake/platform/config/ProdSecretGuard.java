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
 * Refuses to start in any profile but dev and test (prod, or a custom one such as staging) while a secret named in {@code intake.secrets} is missing,
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
        List<String> profiles = ConfigUtils.getProfiles();
        if (!applies(LaunchMode.current(), profiles)) {
            return;
        }
        List<String> problems = SecretPolicy.violations(secrets());
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in the " + String.join(",", profiles) + " profile: "
                    + String.join("; ", problems)
                    + ". Set them through the environment (see README, Configuration).");
        }
    }

    /**
     * Everywhere but development and tests: a custom profile (staging, demo) is a deployment too. The
     * dev and test launch modes and profiles are the only ones that may run on the dev-only defaults.
     */
    static boolean applies(LaunchMode mode, List<String> profiles) {
        return mode == LaunchMode.NORMAL && !profiles.contains("dev") && !profiles.contains("test");
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
