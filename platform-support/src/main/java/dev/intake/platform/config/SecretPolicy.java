package dev.intake.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Decides whether a secret's value is fit for production. Never returns or logs the value itself. */
public final class SecretPolicy {

    /** Local defaults in application.properties all start with this, so production can recognise them. */
    public static final String DEV_DEFAULT_PREFIX = "dev-only-";
    static final int MIN_LENGTH = 16;
    private static final Set<String> WEAK = Set.of("changeme", "change-me", "password", "secret", "admin",
            "minioadmin", "masterkey", "postgres", "test");

    private SecretPolicy() {
    }

    /** Returns one line per unfit secret, naming the property and the reason. */
    public static List<String> violations(Map<String, String> secretsByProperty) {
        List<String> problems = new ArrayList<>();
        secretsByProperty.forEach((property, value) -> {
            String reason = reason(value);
            if (reason != null) {
                problems.add(property + " " + reason);
            }
        });
        problems.sort(String::compareTo);
        return problems;
    }

    private static String reason(String value) {
        if (value == null || value.isBlank()) {
            return "is not set";
        }
        if (value.startsWith(DEV_DEFAULT_PREFIX)) {
            return "still has its development default";
        }
        if (WEAK.contains(value.toLowerCase(Locale.ROOT))) {
            return "is a well-known weak value";
        }
        if (value.length() < MIN_LENGTH) {
            return "is shorter than " + MIN_LENGTH + " characters";
        }
        return null;
    }
}
