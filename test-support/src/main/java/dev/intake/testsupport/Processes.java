package dev.intake.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Starting, waiting for and ending processes, with their output in a log file. */
final class Processes {

    private static final int TAIL_LINES = 40;

    private Processes() {
    }

    /**
     * Starts a process in {@code workDir}, its output appended to {@code log}, {@code input} (may be null) written
     * to its stdin.
     */
    static Process spawn(List<String> command, Map<String, String> env, Path workDir, Path log, String input) {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            try (OutputStream stdin = process.getOutputStream()) {
                if (input != null) {
                    stdin.write(input.getBytes(StandardCharsets.UTF_8));
                }
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command.get(0), e);
        }
    }

    /** Runs a command to its end; fails with the log's tail when it fails or outlives {@code timeout}. */
    static void run(String what, List<String> command, Map<String, String> env, Path workDir, Path log, String input,
            Duration timeout) {
        Process process = spawn(command, env, workDir, log, input);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process.toHandle(), false);
                throw failure(what + " did not finish within " + timeout.toSeconds() + " s", log);
            }
        } catch (InterruptedException e) {
            kill(process.toHandle(), false);
            Thread.currentThread().interrupt();
            throw new IllegalStateException(what + " interrupted", e);
        }
        if (process.exitValue() != 0) {
            throw failure(what + " failed (exit code " + process.exitValue() + ")", log);
        }
    }

    /**
     * Waits until {@code ready} answers true. Fails with the log's tail when {@code alive} turns false or the
     * timeout passes.
     */
    static void await(String what, Duration timeout, BooleanSupplier ready, BooleanSupplier alive, Path log) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!alive.getAsBoolean()) {
                throw failure(what + " exited before it was ready", log);
            }
            if (System.nanoTime() > deadline) {
                throw failure(what + " not ready within " + timeout.toSeconds() + " s", log);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /**
     * Ends a process and its children: {@code graceful} sends SIGTERM and SIGKILL only after 10 s, else SIGKILL at
     * once. Waits until they are gone.
     */
    static void kill(ProcessHandle process, boolean graceful) {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().toList());
        family.add(0, process);
        family.forEach(graceful ? ProcessHandle::destroy : ProcessHandle::destroyForcibly);
        for (ProcessHandle p : family) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            } catch (ExecutionException | TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }

    static IllegalStateException failure(String message, Path log) {
        return new IllegalStateException(message + "; last lines of " + log + ":\n" + tail(log));
    }

    /** The last lines of a log file. */
    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
