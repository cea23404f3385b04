package dev.intake.platform.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.runtime.LaunchMode;

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
}
