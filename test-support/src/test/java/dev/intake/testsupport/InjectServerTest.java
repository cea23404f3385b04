package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager.TestInjector;

import java.lang.reflect.Field;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

class InjectServerTest {

    /** A resource whose "server" is only a name, so that no process is needed. */
    static class FakeResource extends ServerResource {
        @Override
        Optional<Running> reuse() {
            return Optional.of(new Running(new ExternalServer("fake", 4711, () -> { }), Map.of("fake.url", "x")));
        }

        @Override
        Running container() {
            throw new AssertionError();
        }

        @Override
        Running startNative() {
            throw new AssertionError();
        }
    }

    static class ATest {
        @InjectServer
        ThrowawayServer any;
        @InjectServer(FakeResource.class)
        ThrowawayServer fake;
        @InjectServer(PostgresTestResource.class)
        ThrowawayServer database;
        ThrowawayServer notAnnotated;
    }

    static class WrongType {
        @InjectServer(FakeResource.class)
        Object server;
    }

    /** Does what Quarkus' injector does: every declared field the predicate accepts gets the value. */
    static TestInjector injectorFor(Object test) {
        return (value, predicate) -> setFields(test, value, predicate);
    }

    private static void setFields(Object test, Object value, Predicate<Field> predicate) {
        for (Field field : test.getClass().getDeclaredFields()) {
            if (predicate.test(field)) {
                try {
                    field.setAccessible(true);
                    field.set(test, value);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
    }

    @Test
    void fieldsNamingTheResourceOrNoneGetItsServer() {
        FakeResource resource = new FakeResource();
        try {
            assertEquals(Map.of("fake.url", "x"), resource.start());
            ATest test = new ATest();
            resource.inject(injectorFor(test));

            assertSame(resource.server(), test.any);
            assertSame(resource.server(), test.fake);
            assertEquals(4711, test.fake.port());
            assertNull(test.database);
            assertNull(test.notAnnotated);
            assertSame(resource.server(), ServerResource.current(FakeResource.class));
            assertThrows(IllegalStateException.class, () -> resource.inject(injectorFor(new WrongType())));
        } finally {
            resource.stop();
        }
        assertThrows(IllegalStateException.class, () -> ServerResource.current(FakeResource.class));
    }
}
