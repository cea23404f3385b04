package dev.intake.contact.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.contact.config.ContactConfig;
import dev.intake.platform.problem.ProblemException;

class ProofOfWorkTest {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ContactConfig.Altcha config(String key) {
        return new ContactConfig.Altcha() {
            public String hmacKey() {
                return key;
            }

            public int maxNumber() {
                return 2000;
            }

            public Duration expiry() {
                return Duration.ofMinutes(10);
            }

            public List<String> keys() {
                return List.of("web-form");
            }

            public int perIp() {
                return 30;
            }
        };
    }

    private static ProofOfWork at(Instant now) {
        return new ProofOfWork(config("the-hmac-key-of-this-test"), JSON, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static String solve(ProofOfWork.Challenge challenge) throws Exception {
        for (int n = 0; n <= challenge.maxnumber(); n++) {
            if (sha256(challenge.salt() + n).equals(challenge.challenge())) {
                return payload(challenge.challenge(), String.valueOf(n), challenge.salt(), challenge.signature());
            }
        }
        throw new AssertionError("unsolvable");
    }

    private static String payload(String challenge, String number, String salt, String signature) throws Exception {
        var node = JSON.createObjectNode().put("algorithm", "SHA-256").put("challenge", challenge)
                .put("salt", salt).put("signature", signature);
        node.set("number", JSON.readTree(number));
        return Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(node));
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int status(Runnable check) {
        return assertThrows(ProblemException.class, check::run).status();
    }

    @Test
    void aSolutionHoldsUntilItsChallengeExpires() throws Exception {
        ProofOfWork.Challenge challenge = at(NOW).issue();
        String solved = solve(challenge);
        ProofOfWork.Solution solution = at(NOW.plus(Duration.ofMinutes(9))).verify(solved);
        assertEquals(challenge.challenge(), solution.challenge());
        assertEquals(NOW.plus(Duration.ofMinutes(10)), solution.expiresAt());
        assertEquals(422, status(() -> at(NOW.plus(Duration.ofMinutes(10))).verify(solved)));
    }

    @Test
    void digitsOfTheNumberCannotBeMovedIntoTheExpiry() throws Exception {
        ProofOfWork.Challenge challenge = at(NOW).issue();
        String solved = solve(challenge);
        var fields = JSON.readTree(Base64.getDecoder().decode(solved));
        String number = fields.get("number").asText();
        // the same hash input, split differently: a far later expiry and a shorter number (JSON allows
        // no leading zero, so the cut moves past any zeros: 1034 -> salt + "10", 34)
        int cut = 1;
        while (cut < number.length() - 1 && number.charAt(cut) == '0') {
            cut++;
        }
        String spliced = payload(challenge.challenge(), cut < number.length() ? number.substring(cut) : "0",
                challenge.salt() + number.substring(0, cut), challenge.signature());
        assertEquals(400, status(() -> at(NOW).verify(spliced)));
    }

    @Test
    void anotherKeysSignatureOrAnotherNumberIsRefused() throws Exception {
        ProofOfWork.Challenge foreign = new ProofOfWork(config("another-key-entirely"), JSON,
                Clock.fixed(NOW, ZoneOffset.UTC)).issue();
        String forged = solve(foreign);
        assertEquals(422, status(() -> at(NOW).verify(forged)));

        ProofOfWork.Challenge challenge = at(NOW).issue();
        var fields = JSON.readTree(Base64.getDecoder().decode(solve(challenge)));
        String wrong = payload(challenge.challenge(), String.valueOf(fields.get("number").asLong() + 1),
                challenge.salt(), challenge.signature());
        assertEquals(422, status(() -> at(NOW).verify(wrong)));
    }

    @Test
    void malformedPayloadsAre400() throws Exception {
        ProofOfWork.Challenge challenge = at(NOW).issue();
        for (String number : List.of("-1", "1.5", "\"12\"", "99999999999", "null")) {
            String odd = payload(challenge.challenge(), number, challenge.salt(), challenge.signature());
            assertEquals(400, status(() -> at(NOW).verify(odd)), number);
        }
        assertEquals(400, status(() -> at(NOW).verify(null)));
        assertEquals(400, status(() -> at(NOW).verify("%%%")));
        assertEquals(400, status(() -> at(NOW).verify(Base64.getEncoder().encodeToString("[1]".getBytes()))));
        assertEquals(400, status(() -> at(NOW).verify("A".repeat(1001))));
    }

    @Test
    void onlyTheListedKeysNeedIt() {
        assertEquals(true, at(NOW).requiredFor("web-form"));
        assertEquals(false, at(NOW).requiredFor("scripts"));
    }
}
