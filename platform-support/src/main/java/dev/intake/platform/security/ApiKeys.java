package dev.intake.platform.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.intake.platform.problem.ProblemException;

/**
 * Checks {@code X-API-Key}: keys are configured as SHA-256 hashes with scopes, compared in constant
 * time against every configured key; with none configured every key is refused (fail closed).
 */
@Singleton
public class ApiKeys {

    public static final String HEADER = "X-API-Key";

    record ConfiguredKey(String name, byte[] sha256, Set<ApiKeyScope> scopes) {
    }

    private final List<ConfiguredKey> keys;

    public ApiKeys(@ConfigProperty(name = "intake.api-keys") java.util.Optional<List<String>> configured) {
        this.keys = parse(configured.orElse(List.of()));
    }

    /** Returns the key's name (a bounded label for limits and logs) or throws 401/403. */
    public String require(String presented, ApiKeyScope scope) {
        if (presented == null || presented.isBlank()) {
            throw new ProblemException(401, "Authentication required", "An API key is required (X-API-Key).");
        }
        byte[] hash = sha256(presented);
        ConfiguredKey match = null;
        for (ConfiguredKey key : keys) {
            // no early exit: every configured key is compared
            if (MessageDigest.isEqual(key.sha256(), hash)) {
                match = key;
            }
        }
        if (match == null) {
            throw new ProblemException(401, "Authentication required", "The API key is not valid.");
        }
        if (!match.scopes().contains(scope)) {
            throw new ProblemException(403, "Forbidden", "The API key may not do this.");
        }
        return match.name();
    }

    static List<ConfiguredKey> parse(List<String> entries) {
        List<ConfiguredKey> parsed = new ArrayList<>();
        for (String entry : entries) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.trim().split(":");
            if (parts.length != 3 || !parts[1].matches("[0-9a-fA-F]{64}")) {
                throw new IllegalArgumentException(
                        "intake.api-keys entries must be name:sha256-hex:scope+scope (entry " + (parsed.size() + 1) + ")");
            }
            Set<ApiKeyScope> scopes = EnumSet.noneOf(ApiKeyScope.class);
            for (String scope : parts[2].split("\\+")) {
                scopes.add(ApiKeyScope.valueOf(scope.trim().toUpperCase(Locale.ROOT)));
            }
            parsed.add(new ConfiguredKey(parts[0].trim(), HexFormat.of().parseHex(parts[1].toLowerCase(Locale.ROOT)), scopes));
        }
        return List.copyOf(parsed);
    }

    static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
