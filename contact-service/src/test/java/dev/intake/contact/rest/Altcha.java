package dev.intake.contact.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Test helpers for the web form's proof of work: a client that solves challenges as the browser does. */
final class Altcha {

    static final String WEB_FORM_KEY = "test-web-form-key";
    static final String HMAC_KEY = "test-altcha-hmac-key";
    private static final HexFormat HEX = HexFormat.of();

    private Altcha() {
    }

    /** A challenge fetched from the service by a new client address. */
    static JsonPath challenge() {
        return Submissions.fromNewClient().get("/api/v1/contacts/challenge").then().statusCode(200).extract().jsonPath();
    }

    /** Fetches a challenge and solves it: the payload the web form sends as {@code altcha}. */
    static String solved() {
        return solve(challenge());
    }

    static String solve(JsonPath challenge) {
        return payload(challenge.getString("algorithm"), challenge.getString("challenge"), numberOf(challenge),
                challenge.getString("salt"), challenge.getString("signature"));
    }

    /** The secret number: the one from 0 to maxnumber whose hash with the salt is the challenge. */
    static int numberOf(JsonPath challenge) {
        String salt = challenge.getString("salt");
        String target = challenge.getString("challenge");
        int max = challenge.getInt("maxnumber"); // read once: each JsonPath read is a Groovy evaluation
        for (int n = 0; n <= max; n++) {
            if (sha256(salt + n).equals(target)) {
                return n;
            }
        }
        throw new AssertionError("no number up to maxnumber solves the challenge");
    }

    /** A challenge as altcha-lib's createChallenge builds it, signed with the tests' key, already solved. */
    static String signedBy(String hmacKey, Instant expires, int number) {
        String salt = "0123456789abcdef01234567?expires=" + expires.getEpochSecond() + "&";
        String challenge = sha256(salt + number);
        return payload("SHA-256", challenge, number, salt, hmac(hmacKey, challenge));
    }

    static String payload(String algorithm, String challenge, long number, String salt, String signature) {
        String json = """
                {"algorithm":"%s","challenge":"%s","number":%d,"salt":"%s","signature":"%s","took":12}"""
                .formatted(algorithm, challenge, number, salt, signature);
        return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** The valid submission JSON with the given payload as {@code altcha}. */
    static String submission(String name, String altcha) {
        String body = Submissions.valid(name);
        return body.substring(0, body.lastIndexOf('}')) + ",\"altcha\":\"" + altcha + "\"}";
    }

    static RequestSpecification withWebFormKey() {
        return Submissions.fromNewClient().header("X-API-Key", WEB_FORM_KEY);
    }

    static String sha256(String text) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hmac(String key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
