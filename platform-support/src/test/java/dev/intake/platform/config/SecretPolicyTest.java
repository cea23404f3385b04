package dev.intake.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretPolicyTest {

    @Test
    void acceptsLongRandomSecrets() {
        assertTrue(SecretPolicy.violations(Map.of("a.token", "4f1c9e0b7a2d4c3e8f6a1b0c9d8e7f6a")).isEmpty());
    }

    @Test
    void namesEveryUnfitSecretWithoutItsValue() {
        Map<String, String> secrets = new HashMap<>();
        secrets.put("db.password", "dev-only-contact-password");
        secrets.put("missing.token", null);
        secrets.put("s3.secret", "minioadmin");
        secrets.put("short.key", "abc123");

        List<String> problems = SecretPolicy.violations(secrets);

        assertEquals(List.of(
                "db.password still has its development default",
                "missing.token is not set",
                "s3.secret is a well-known weak value",
                "short.key is shorter than 16 characters"), problems);
        problems.forEach(p -> assertTrue(!p.contains("dev-only-contact") && !p.contains("abc123")));
    }

    @Test
    void blankIsMissing() {
        assertEquals(List.of("x is not set"), SecretPolicy.violations(Map.of("x", "  ")));
    }
}
