package dev.intake.contact.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.contact.config.ContactConfig;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;

/**
 * ALTCHA-compatible proof of work. A challenge is {@code SHA-256(salt + number)} for a secret number
 * from 0 to {@code maxnumber}, signed with {@code HMAC-SHA256(key, challenge)}; the client finds the
 * number and sends back {@code base64(JSON {algorithm, challenge, number, salt, signature})}, the
 * payload altcha-lib's clients and widget produce. The salt carries its expiry
 * ({@code <hex>?expires=<epoch seconds>&}); the trailing {@code &} ends the parameters, so digits of
 * the number cannot be moved into the expiry without changing the hash input.
 */
@Singleton
public class ProofOfWork {

    public static final String FIELD = "altcha";
    static final String ALGORITHM = "SHA-256";
    private static final Pattern SALT = Pattern.compile("[0-9a-f]{24}\\?expires=([0-9]{1,12})&");
    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_PAYLOAD_CHARS = 1000;
    private static final HexFormat HEX = HexFormat.of();

    /** What the client solves (altcha-lib's challenge JSON). */
    public record Challenge(String algorithm, String challenge, int maxnumber, String salt, String signature) {
    }

    /** A verified solution: the challenge it solved (remembered as used) and until when it counts. */
    public record Solution(String challenge, Instant expiresAt) {
    }

    private final ContactConfig.Altcha config;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Inject
    public ProofOfWork(ContactConfig config, ObjectMapper json) {
        this(config.altcha(), json, Clock.systemUTC());
    }

    ProofOfWork(ContactConfig.Altcha config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
    }

    /** Whether submissions with this API key must carry a solution. */
    public boolean requiredFor(String keyName) {
        return config.keys().contains(keyName);
    }

    public Challenge issue() {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        long expires = clock.instant().plus(config.expiry()).getEpochSecond();
        String salt = HEX.formatHex(nonce) + "?expires=" + expires + "&";
        int number = random.nextInt(config.maxNumber() + 1);
        String challenge = sha256(salt + number);
        return new Challenge(ALGORITHM, challenge, config.maxNumber(), salt, sign(challenge));
    }

    /**
     * Checks the payload's form, signature, expiry and work; whether it was used before is the
     * caller's to check ({@code UsedSolutions}). Throws a 400 naming {@code altcha} when it is missing or
     * malformed, a 422 when it does not hold.
     */
    public Solution verify(String payload) {
        if (payload == null || payload.isBlank()) {
            throw ProblemException.badField(FIELD, "is required: solve GET /api/v1/contacts/challenge");
        }
        JsonNode fields = decode(payload);
        String algorithm = fields.path("algorithm").asText("");
        String challenge = fields.path("challenge").asText("");
        String salt = fields.path("salt").asText("");
        String signature = fields.path("signature").asText("");
        JsonNode number = fields.path("number");
        if (!ALGORITHM.equals(algorithm)) {
            throw ProblemException.badField(FIELD, "must use the algorithm SHA-256");
        }
        Matcher saltParts = SALT.matcher(salt);
        if (!HEX64.matcher(challenge).matches() || !HEX64.matcher(signature).matches() || !saltParts.matches()
                || !number.canConvertToLong() || !number.isIntegralNumber() || number.asLong() < 0
                || number.asLong() > Integer.MAX_VALUE) {
            throw ProblemException.badField(FIELD, "must be an ALTCHA payload: algorithm, challenge, number, salt, signature");
        }
        if (!MessageDigest.isEqual(HEX.parseHex(signature), hmac(challenge))) {
            throw refused("has an invalid signature");
        }
        Instant expiresAt = Instant.ofEpochSecond(Long.parseLong(saltParts.group(1)));
        if (!expiresAt.isAfter(clock.instant())) {
            throw refused("has expired: solve a new challenge");
        }
        if (!MessageDigest.isEqual(HEX.parseHex(challenge), digest(salt + number.asLong()))) {
            throw refused("is not a solution of its challenge");
        }
        return new Solution(challenge, expiresAt);
    }

    /** A solution seen before: each challenge counts once. */
    public static ProblemException replayed() {
        return refused("was already used: solve a new challenge");
    }

    private JsonNode decode(String payload) {
        if (payload.length() > MAX_PAYLOAD_CHARS) {
            throw ProblemException.badField(FIELD, "must be at most " + MAX_PAYLOAD_CHARS + " characters");
        }
        try {
            JsonNode node = json.readTree(Base64.getDecoder().decode(payload.strip()));
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (IllegalArgumentException | java.io.IOException e) {
            // answered below: the client reads the field, not the parser's message
        }
        throw ProblemException.badField(FIELD, "must be base64-encoded JSON (an ALTCHA payload)");
    }

    private static ProblemException refused(String reason) {
        return new ProblemException(422, "Proof of work refused", "The submission's proof of work does not hold.",
                List.of(new Problem.FieldError(FIELD, reason)));
    }

    private String sign(String challenge) {
        return HEX.formatHex(hmac(challenge));
    }

    private byte[] hmac(String challenge) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(config.hmacKey().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(challenge.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String text) {
        return HEX.formatHex(digest(text));
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
