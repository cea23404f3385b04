package dev.intake.testsupport;

/** A {@link ThrowawayServer} together with its final teardown (process gone, temporary files deleted). */
abstract class ManagedServer implements ThrowawayServer, AutoCloseable {

    private final String name;
    private final int port;

    /** Registers the server with the shutdown hook, which tears it down if the JVM exits before it is closed. */
    ManagedServer(String name, int port) {
        this.name = name;
        this.port = port;
        Reaper.register(this);
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final int port() {
        return port;
    }

    /** Stops the server for good and removes what it left behind. Idempotent. */
    @Override
    public final void close() {
        try {
            tearDown();
        } finally {
            Reaper.unregister(this);
        }
    }

    /** What {@link #close()} does; called again after a failure or by the shutdown hook, so idempotent. */
    abstract void tearDown();

    /** Runs {@code action} on a server; when it fails the server is torn down and the failure passed on. */
    static <S extends ManagedServer> S closeOnFailure(S server, Runnable action) {
        try {
            action.run();
            return server;
        } catch (RuntimeException | Error e) {
            try {
                server.close();
            } catch (RuntimeException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return name + " on port " + port;
    }
}
