package dev.intake.testsupport.contract;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;

/** Polls {@code /q/health/ready} until it answers the expected status, for dependency outage tests. */
public final class Readiness {

    private Readiness() {
    }

    /** Waits up to {@code timeout} for the readiness status code and returns the last body seen. */
    public static String awaitStatus(int expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int status;
        String body;
        do {
            var response = given().get("/q/health/ready");
            status = response.statusCode();
            body = response.asString();
            if (status == expected) {
                return body;
            }
            sleep();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError("readiness stayed " + status + " instead of " + expected + " for " + timeout
                + ": " + body);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for readiness", e);
        }
    }
}
