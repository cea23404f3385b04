package dev.intake.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;

import dev.intake.contact.rest.DocumentServiceStandIn;
import dev.intake.testsupport.PostgresTestResource;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactSchemaTest {

    @Inject
    Pool pool;

    @Test
    void migrationsRunInTheServicesOwnSchema() {
        Row row = pool.query("SELECT current_schema() AS schema, is_called FROM visitor_count")
                .executeAndAwait().iterator().next();
        assertEquals("contact", row.getString("schema"));
        assertEquals(false, row.getBoolean("is_called"), "no visitor counted in a new schema");
    }

    @Test
    void eventTablesOfPlatformSupportAreMigratedToo() {
        Row row = pool.query("SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = 'contact'"
                + " AND table_name IN ('outbox_event', 'outbox_delivery', 'inbox_event')").executeAndAwait().iterator().next();
        assertEquals(3L, row.getLong("tables"));
    }
}
