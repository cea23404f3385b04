package dev.intake.platform.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

class ProdSecretGuardTest {

    @Test
    void guardsEveryLaunchProfileButDevAndTest() {
        assertTrue(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of("prod")));
        assertTrue(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of("staging")));
        assertTrue(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of("staging", "prod")));
        assertTrue(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of()));
    }

    @Test
    void developmentAndTestsRunOnTheDevDefaults() {
        assertFalse(ProdSecretGuard.applies(LaunchMode.DEVELOPMENT, List.of("dev")));
        assertFalse(ProdSecretGuard.applies(LaunchMode.TEST, List.of("test")));
        assertFalse(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of("dev")));
        assertFalse(ProdSecretGuard.applies(LaunchMode.NORMAL, List.of("test")));
    }

    private static List<String> problemsOf(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build();
        return new ProdSecretGuard(config).problems();
    }

    @Test
    void everyPairTokenIsCheckedAndADefaultOneIsRefused() {
        List<String> problems = problemsOf(Map.of(
                "intake.secrets", "intake.service-tokens.*.token,intake.events.subscribers.*.token",
                "intake.service-tokens.document.token", "dev-only-document-to-contact-token",
                "intake.service-tokens.search.token", "4f1c9a7e2b6d8350c1e9f7a2b4d6c8e0",
                "intake.service-tokens.notification.token", "short",
                "intake.events.subscribers.search.token", "changeme",
                "intake.events.subscribers.search.url", "http://search:8083/internal/events"));

        assertEquals(List.of(
                "intake.events.subscribers.search.token is a well-known weak value",
                "intake.service-tokens.document.token still has its development default",
                "intake.service-tokens.notification.token is shorter than 16 characters"), problems);
    }

    @Test
    void strongDistinctPairTokensPass() {
        assertEquals(List.of(), problemsOf(Map.of(
                "intake.secrets", "intake.service-tokens.*.token",
                "intake.service-tokens.document.token", "4f1c9a7e2b6d8350c1e9f7a2b4d6c8e0",
                "intake.service-tokens.search.token", "9d2e4b6a8c0f1e3d5b7a9c1e3f5d7b9a")));
    }

    @Test
    void aNamedSecretThatIsMissingIsRefused() {
        assertEquals(List.of("intake.contact.upload-token-secret is not set"), problemsOf(Map.of(
                "intake.secrets", "intake.contact.upload-token-secret,intake.service-tokens.*.token")));
    }
}
