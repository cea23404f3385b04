package dev.intake.document;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.S3TestResource;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.document.rest.ContactServiceStandIn;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class DocumentServiceEndpointsTest extends ServiceEndpointsContract {

    @InjectServer(S3TestResource.class)
    ThrowawayServer dependency;

    @Override
    protected ThrowawayServer dependency() {
        return dependency;
    }

    @Override
    protected String dependencyCheck() {
        return "Object storage bucket";
    }

    @Override
    protected String unknownApiPath() {
        return "/api/v1/documents-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Object storage bucket" };
    }
}
