package dev.intake.testsupport;

import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Gives the tests' configuration a place where nothing answers, {@link Net#closedPort()}, so that a
 * service's default URLs (the local stack's 127.0.0.1:808x, 7700, 9000, 8005, 55432) never reach a
 * running stack from a test. In a service's {@code src/test/resources/application.properties}:
 * <pre>intake.search-service-url=${test-support.closed-url}</pre>
 * A test resource that starts the real server or a stand-in overrides such a line with its own URL.
 * Registered through {@code META-INF/services}; test-support is on the test classpath only.
 */
public class ClosedPortConfigSource implements ConfigSource {

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public static final String CLOSED_URL = "test-support.closed-url";
    /** The port alone, for URLs of other schemes (e.g. JDBC). */
    public static final String CLOSED_PORT = "test-support.closed-port";

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(CLOSED_URL, CLOSED_PORT);
    }

    @Override
    public String getValue(String propertyName) {
        return switch (propertyName) {
            case CLOSED_URL -> Net.closedUrl();
            case CLOSED_PORT -> String.valueOf(Net.closedPort());
            default -> null;
        };
    }

    @Override
    public String getName() {
        return "test-support closed port";
    }

    @Override
    public int getOrdinal() {
        // below application.properties: these names are defined here only, the low ordinal keeps it so
        return 50;
    }
}
