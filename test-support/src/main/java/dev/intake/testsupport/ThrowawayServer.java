package dev.intake.testsupport;

/**
 * A server that a test-support resource provides to a test, for tests that need to take a dependency away and bring
 * it back (readiness going DOWN and UP again).
 * <p>
 * For the native throwaway servers, {@link #start()} after {@link #stop()} brings the server back on the same port
 * with the same data (PostgreSQL: the same cluster directory), so the service under test needs no new configuration.
 * Servers reused from the environment ({@code TEST_*} variables) or run in a container throw
 * {@link UnsupportedOperationException} from {@code stop()} and {@code start()}.
 */
public interface ThrowawayServer {

    /** Short human name, e.g. {@code "postgresql"}, with how it runs: {@code "postgresql (native)"}. */
    String name();

    /** The port the server listens on (the one the configuration returned to Quarkus points at). */
    int port();

    /** Stops the server, keeping its data. Does nothing when it is already stopped. */
    void stop();

    /** Starts the server again on the same port and waits until it answers. Does nothing when it runs. */
    void start();

    /** Whether the server process is alive. */
    boolean isRunning();
}
