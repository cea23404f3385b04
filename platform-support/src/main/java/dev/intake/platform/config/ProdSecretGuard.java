package dev.intake.platform.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Refuses to start in any profile but dev and test (prod, or a custom one such as staging) while a secret named in {@code intake.secrets} is missing,
 * weak or still has its development default. The message names properties, never values. An entry with
 * {@code *} (one name segment) stands for every configured property it matches, e.g.
 * {@code intake.service-tokens.*.token}: each service-to-service pair's token.
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
        List<String> problems = problems();
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

    /** One line per unfit secret of this configuration, whatever the profile. */
    List<String> problems() {
        return SecretPolicy.violations(secrets());
    }

    private Map<String, String> secrets() {
        Map<String, String> values = new LinkedHashMap<>();
        for (String property : config.getOptionalValues(SECRETS_PROPERTY, String.class).orElse(List.of())) {
            if (property.contains("*")) {
                Pattern pattern = Pattern.compile(Pattern.quote(property).replace("*", "\\E[^.]+\\Q"));
                TreeSet<String> matching = new TreeSet<>();
                config.getPropertyNames().forEach(name -> {
                    if (pattern.matcher(name).matches()) {
                        matching.add(name);
                    }
                });
                matching.forEach(name -> values.put(name, value(name)));
            } else {
                values.put(property, value(property));
            }
        }
        return values;
    }

    private String value(String property) {
        Optional<String> value = config.getOptionalValue(property, String.class);
        return value.orElse(null);
    }
}
