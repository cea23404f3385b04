package dev.intake.platform.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.intake.platform.problem.ProblemException;

/** Checks the shared token that internal calls between services carry, in constant time. */
@Singleton
public class ServiceToken {

    private final byte[] expected;

    public ServiceToken(@ConfigProperty(name = "intake.service-token") String token) {
        this.expected = token.getBytes(StandardCharsets.UTF_8);
    }

    public void require(String presented) {
        byte[] given = presented == null ? new byte[0] : presented.getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, given)) {
            throw new ProblemException(401, "Authentication required", "A valid service token is required.");
        }
    }
}
