package dev.intake.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A server this JVM runs natively, with all its files in one temporary directory. */
abstract class NativeServer extends ManagedServer {

    private final Path dir;
    private final Duration timeout;
    private boolean closed;

    NativeServer(String name, int port, Path dir) {
        super(name + " (native)", port);
        this.dir = dir;
        this.timeout = Tools.startTimeout();
    }

    /** The temporary directory with the server's data and logs; deleted by {@link #close()}. */
    Path dir() {
        return dir;
    }

    Duration timeout() {
        return timeout;
    }

    /** The server process, while it runs. */
    abstract Optional<ProcessHandle> process();

    /** Starts the process and waits until it is ready; fails with its log's tail. */
    abstract void launch();

    /** Ends the process; {@code forGood} when the data will be thrown away (may be abrupt). */
    abstract void halt(boolean forGood);

    @Override
    public boolean isRunning() {
        return process().map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public final synchronized void start() {
        if (closed) {
            throw new IllegalStateException(name() + " was torn down by its resource; it cannot start again");
        }
        if (!isRunning()) {
            launch();
        }
    }

    @Override
    public final synchronized void stop() {
        if (isRunning()) {
            halt(false);
        }
    }

    @Override
    final synchronized void tearDown() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (isRunning()) {
                halt(true);
            }
        } finally {
            TempDirs.delete(dir);
        }
    }

    @Override
    public String toString() {
        return super.toString() + " in " + dir;
    }
}
