package dev.intake.document;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.S3TestResource;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.Readiness;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
class ObjectStorageReadinessTest {

    @InjectServer(S3TestResource.class)
    ThrowawayServer server;

    @Test
    void readinessGoesDownWithTheServerAndComesBack() {
        Readiness.awaitStatus(200, Duration.ofSeconds(10));
        server.stop();
        String body;
        try {
            body = Readiness.awaitStatus(503, Duration.ofSeconds(15));
        } finally {
            server.start();
        }
        org.junit.jupiter.api.Assertions.assertTrue(body.contains("Object storage bucket"), body);
        Readiness.awaitStatus(200, Duration.ofSeconds(30));
    }
}
