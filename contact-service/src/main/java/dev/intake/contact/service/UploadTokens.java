package dev.intake.contact.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import dev.intake.contact.config.ContactConfig;

/**
 * Upload tokens let a submitter attach files to their own contact later without an account:
 * {@code base64url(contactId.expiry).base64url(HMAC-SHA256)}, valid for the configured time.
 */
@Singleton
public class UploadTokens {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final ContactConfig config;
    private final Clock clock;

    @Inject
    public UploadTokens(ContactConfig config) {
        this(config, Clock.systemUTC());
    }

    UploadTokens(ContactConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    public String issue(UUID contactId) {
        long expiry = clock.instant().plus(config.uploadTokenTtl()).getEpochSecond();
        String claims = contactId + "." + expiry;
        return ENCODER.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(claims));
    }

    /** The contact the token is for, if the signature holds and it has not expired. */
    public Optional<UUID> verify(String token) {
        if (token == null || token.length() > 300) {
            return Optional.empty();
        }
        String[] parts = token.split("\\.");
        if (parts.length != 2) {
            return Optional.empty();
        }
        try {
            String claims = new String(DECODER.decode(parts[0]), StandardCharsets.UTF_8);
            if (!MessageDigest.isEqual(sign(claims), DECODER.decode(parts[1]))) {
                return Optional.empty();
            }
            String[] fields = claims.split("\\.");
            if (fields.length != 2 || Instant.ofEpochSecond(Long.parseLong(fields[1])).isBefore(clock.instant())) {
                return Optional.empty();
            }
            return Optional.of(UUID.fromString(fields[0]));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.uploadTokenSecret().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(claims.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
