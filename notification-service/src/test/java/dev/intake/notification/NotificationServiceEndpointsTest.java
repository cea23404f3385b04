package dev.intake.notification;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

import dev.intake.testsupport.SesEmulatorTestResource;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.contract.ServiceEndpointsContract;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(SesEmulatorTestResource.class)
class NotificationServiceEndpointsTest extends ServiceEndpointsContract {

    @InjectServer(SesEmulatorTestResource.class)
    ThrowawayServer dependency;

    @Override
    protected ThrowawayServer dependency() {
        return dependency;
    }

    @Override
    protected String dependencyCheck() {
        return "Amazon SES endpoint";
    }

    @Override
    protected String unknownApiPath() {
        return "/api/v1/notifications-unknown/x";
    }

    @Override
    protected String[] readinessChecks() {
        return new String[] { "Reactive PostgreSQL connections health check", "Amazon SES endpoint" };
    }
}
