package dev.intake.contact;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.contact.rest.DocumentServiceStandIn;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class ContactServiceEndpointsTest extends ServiceEndpointsContract {

    @InjectServer(PostgresTestResource.class)
    ThrowawayServer dependency;

    @Override
    protected ThrowawayServer dependency() {
        return dependency;
    }

    @Override
    protected String dependencyCheck() {
        return "Reactive PostgreSQL connections health check";
    }

    @Override
    protected String unknownApiPath() {
        return "/api/v1/contacts-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Database connections health check" };
    }
}
