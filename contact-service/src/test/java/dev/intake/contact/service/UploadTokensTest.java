package dev.intake.contact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.intake.contact.config.ContactConfig;

class UploadTokensTest {

    private static ContactConfig config(String secret) {
        return new ContactConfig() {
            public String uploadTokenSecret() {
                return secret;
            }

            public Duration uploadTokenTtl() {
                return Duration.ofHours(24);
            }

            public RateLimit rateLimit() {
                return null;
            }

            public Duration idempotencyWindow() {
                return Duration.ofHours(24);
            }

            public Altcha altcha() {
                return null;
            }

            public Duration keyUploadWindow() {
                return Duration.ofHours(1);
            }

            public Duration attachmentTimeout() {
                return Duration.ofSeconds(30);
            }
        };
    }

    private static UploadTokens at(Instant now, String secret) {
        return new UploadTokens(config(secret), Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsValidForItsContactFor24Hours() {
        Instant issued = Instant.parse("2026-12-01T10:00:00Z");
        UUID contact = UUID.randomUUID();
        String token = at(issued, "secret-secret-secret").issue(contact);

        assertEquals(Optional.of(contact), at(issued.plus(Duration.ofHours(23)), "secret-secret-secret").verify(token));
        assertTrue(at(issued.plus(Duration.ofHours(25)), "secret-secret-secret").verify(token).isEmpty());
    }

    @Test
    void aTokenSignedWithAnotherKeyOrTamperedWithIsRefused() {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        String token = at(now, "secret-secret-secret").issue(UUID.randomUUID());
        assertTrue(at(now, "another-secret-value").verify(token).isEmpty());

        String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                .encodeToString((UUID.randomUUID() + ".9999999999").getBytes()) + token.substring(token.indexOf('.'));
        assertTrue(at(now, "secret-secret-secret").verify(forged).isEmpty());
        assertTrue(at(now, "secret-secret-secret").verify("garbage").isEmpty());
        assertTrue(at(now, "secret-secret-secret").verify(null).isEmpty());
    }
}
