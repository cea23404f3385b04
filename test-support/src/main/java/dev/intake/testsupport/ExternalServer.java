package dev.intake.testsupport;

/** A server this JVM does not run itself: one named by {@code TEST_*} variables, or a container. */
final class ExternalServer extends ManagedServer {

    private final Runnable teardown;
    private boolean closed;

    /**
     * @param name     e.g. {@code "postgresql (TEST_PG_HOST)"}
     * @param teardown what {@link #close()} does (drop the test database, stop the container, ...)
     */
    ExternalServer(String name, int port, Runnable teardown) {
        super(name, port);
        this.teardown = teardown;
    }

    @Override
    public void stop() {
        throw unsupported();
    }

    @Override
    public void start() {
        throw unsupported();
    }

    private UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException(name() + " is not a native throwaway server, so a test cannot stop"
                + " and start it; run without the TEST_* server variables and with TEST_SERVERS=native for that");
    }

    @Override
    public synchronized boolean isRunning() {
        return !closed;
    }

    @Override
    synchronized void tearDown() {
        if (!closed) {
            closed = true;
            teardown.run();
        }
    }
}
