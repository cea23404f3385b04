package dev.intake.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.Readiness;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class DatabaseReadinessTest {

    @InjectServer(PostgresTestResource.class)
    ThrowawayServer database;

    @Inject
    Pool pool;

    @Test
    void migrationsRunInTheServicesOwnSchema() {
        Row row = pool.query("SELECT current_schema() AS schema, value FROM counter WHERE name = 'visitor_count'")
                .executeAndAwait().iterator().next();
        assertEquals("contact", row.getString("schema"));
        assertEquals(0L, row.getLong("value"));
    }

    @Test
    void readinessGoesDownWithTheDatabaseAndComesBack() {
        Readiness.awaitStatus(200, Duration.ofSeconds(10));
        database.stop();
        try {
            Readiness.awaitStatus(503, Duration.ofSeconds(15));
        } finally {
            database.start();
        }
        Readiness.awaitStatus(200, Duration.ofSeconds(30));
    }
}
