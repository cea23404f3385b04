package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Checks every native resource must pass: a handle that stops and starts the server, and a clean teardown. */
final class ServerChecks {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private ServerChecks() {
    }

    /** A check that uses the server with the configuration its resource returned. */
    interface Use {
        void check(Map<String, String> config) throws Exception;
    }

    /**
     * The life of a native resource: start it, {@code use} the server, stop and start it through its handle
     * ({@code answers} tells whether it serves), {@code useAgain}, tear it down.
     */
    static void exercise(ServerResource resource, Supplier<ThrowawayServer> current, Use use,
            Predicate<Map<String, String>> answers, Use useAgain) throws Exception {
        try {
            long begin = System.nanoTime();
            Map<String, String> config = resource.start();
            System.out.printf("[timing] %s started in %d ms%n", resource.server().name(),
                    (System.nanoTime() - begin) / 1_000_000);
            use.check(config);
            stopAndStartAgain(resource, current, () -> answers.test(config));
            useAgain.check(config);
            tearDown(resource, current);
        } finally {
            resource.stop();
        }
    }

    /**
     * Stops the server through its handle ({@code answers} must turn false), starts it again (same port,
     * {@code answers} true again).
     */
    private static void stopAndStartAgain(ServerResource resource, Supplier<ThrowawayServer> current,
            BooleanSupplier answers) {
        ThrowawayServer server = resource.server();
        assertSame(server, current.get(), "the static accessor gives the started server");
        assertInstanceOf(NativeServer.class, server);
        int port = server.port();
        assertTrue(server.isRunning());
        assertTrue(answers.getAsBoolean(), "answers before stop");

        long stopping = System.nanoTime();
        server.stop();
        System.out.printf("[timing] %s stopped in %d ms%n", server.name(), (System.nanoTime() - stopping) / 1_000_000);
        assertFalse(server.isRunning());
        assertFalse(answers.getAsBoolean(), "answers after stop");
        server.stop(); // idempotent

        long begin = System.nanoTime();
        server.start();
        System.out.printf("[timing] %s restarted in %d ms%n", server.name(), (System.nanoTime() - begin) / 1_000_000);
        assertTrue(server.isRunning());
        assertEquals(port, server.port());
        assertTrue(answers.getAsBoolean(), "answers after start");
        server.start(); // idempotent
    }

    /** Tears the resource down: its process ends, its directory goes, and stop() may be called again. */
    private static void tearDown(ServerResource resource, Supplier<ThrowawayServer> current) {
        NativeServer server = (NativeServer) resource.server();
        Path dir = server.dir();
        Optional<ProcessHandle> process = server.process();
        assertTrue(process.isPresent());
        assertTrue(Files.isDirectory(dir));

        long begin = System.nanoTime();
        resource.stop();
        System.out.printf("[timing] %s torn down in %d ms%n", server.name(), (System.nanoTime() - begin) / 1_000_000);
        resource.stop();

        assertFalse(server.isRunning());
        // a postmaster is no child of this JVM: it may stay a zombie until init reaps it
        assertTrue(process.get().onExit().completeOnTimeout(null, 10, TimeUnit.SECONDS).join() != null,
                "process ended");
        assertFalse(Files.exists(dir), dir + " deleted");
        assertThrows(IllegalStateException.class, resource::server);
        assertThrows(IllegalStateException.class, current::get);
        assertThrows(IllegalStateException.class, server::start, "a torn-down server stays down");
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url));
    }

    /** Whether anything answers HTTP at that address. */
    static boolean answers(String url) {
        try {
            HTTP.send(request(url).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
