package dev.intake.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/** A native server that is one child process of this JVM: started again with the same command line. */
final class ProcessServer extends NativeServer {

    private final List<String> command;
    private final BooleanSupplier ready;
    private final boolean graceful;
    private final Path log;
    private Process process;

    /**
     * @param dir     the server's temporary directory, also its working directory; the log goes to
     *                {@code <dir>/<name>.log}
     * @param command the full command line, with the port and every path inside {@code dir}
     * @param ready    answers true once the server serves requests
     * @param graceful whether {@link #stop()} lets the server shut down cleanly (SIGTERM) or kills it (SIGKILL: for
     *                 servers whose clean shutdown is slow and which lose nothing when killed)
     */
    private ProcessServer(String name, int port, Path dir, List<String> command, BooleanSupplier ready,
            boolean graceful) {
        super(name, port, dir);
        this.command = List.copyOf(command);
        this.ready = ready;
        this.graceful = graceful;
        this.log = dir.resolve(name + ".log");
    }

    /** Starts the server; on failure its directory is deleted. */
    static ProcessServer start(String name, int port, Path dir, List<String> command, BooleanSupplier ready,
            boolean graceful) {
        ProcessServer server = new ProcessServer(name, port, dir, command, ready, graceful);
        return ManagedServer.closeOnFailure(server, server::start);
    }

    @Override
    Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(Process::toHandle);
    }

    @Override
    void launch() {
        process = Processes.spawn(command, Map.of(), dir(), log, null);
        try {
            Processes.await(name(), timeout(), ready, process::isAlive, log);
        } catch (RuntimeException e) {
            halt(true);
            throw e;
        }
    }

    @Override
    void halt(boolean forGood) {
        Processes.kill(process.toHandle(), graceful && !forGood);
        process = null;
    }
}
