package dev.intake.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a field of type {@link ThrowawayServer} in a {@code @QuarkusTest} class to receive the server of a
 * test-support resource:
 *
 * <pre>
 * &#64;InjectServer(PostgresTestResource.class)
 * ThrowawayServer database;
 * </pre>
 *
 * Without a value the field takes the server of any test-support resource of the test; name the resource when the
 * test uses more than one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface InjectServer {

    /** The resource whose server goes into the field; the default means "the only one". */
    Class<? extends QuarkusTestResourceLifecycleManager> value() default QuarkusTestResourceLifecycleManager.class;
}
