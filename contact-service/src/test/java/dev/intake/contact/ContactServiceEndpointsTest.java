package dev.intake.contact;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ContactServiceEndpointsTest extends ServiceEndpointsContract {

    @Override
    protected String unknownApiPath() {
        return "/api/v1/contacts-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Database connections health check" };
    }
}
