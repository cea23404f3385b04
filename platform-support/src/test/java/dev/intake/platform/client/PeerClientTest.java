package dev.intake.platform.client;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.intake.testsupport.Net;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

/** The peer client against a real HTTP server: bodies both ways, headers, the answer bound, the deadline. */
class PeerClientTest {

    private static final Vertx VERTX = Vertx.vertx();
    private static final PeerClient CLIENT = new PeerClient(VERTX, 2, Duration.ofSeconds(1));
    private static HttpServer server;
    private static URI base;

    @BeforeAll
    static void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/echo", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String token = exchange.getRequestHeaders().getFirst("X-Token");
            if (token != null) {
                exchange.getResponseHeaders().add("X-Seen", token);
            }
            exchange.sendResponseHeaders(201, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // chunked: no Content-Length to refuse it early
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException e) {
                // the client hung up, as it should
            }
        });
        server.createContext("/slow", exchange -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterAll
    static void stop() {
        server.stop(0);
        CLIENT.close();
        VERTX.close().toCompletionStage().toCompletableFuture().join();
    }

    /** What the call failed with, as the Uni fails: await() wraps checked exceptions. */
    private static Throwable failure(org.junit.jupiter.api.function.Executable call) {
        Throwable thrown = assertThrows(Throwable.class, call);
        return thrown instanceof java.util.concurrent.CompletionException && thrown.getCause() != null ? thrown.getCause() : thrown;
    }

    @Test
    void sendsTheBodyAndHeadersAndReadsTheWholeAnswer() {
        byte[] body = "héllo".repeat(1000).getBytes(StandardCharsets.UTF_8);
        PeerClient.Answer answer = CLIENT.send(HttpMethod.POST, base.resolve("/echo"), Map.of("X-Token", "t-1"), body,
                Duration.ofSeconds(5), 1 << 20).await().atMost(Duration.ofSeconds(10));
        assertEquals(201, answer.status());
        assertEquals("t-1", answer.header("x-seen"));
        assertArrayEquals(body, answer.body());
        assertEquals("héllo".repeat(1000), answer.text());
    }

    @Test
    void aGetWithoutBodyGetsAnEmptyAnswer() {
        PeerClient.Answer answer = CLIENT.send(HttpMethod.GET, base.resolve("/echo"), Map.of("X-Token", "t-2"), null,
                Duration.ofSeconds(5), 16).await().atMost(Duration.ofSeconds(10));
        assertEquals(201, answer.status());
        assertEquals(0, answer.body().length);
    }

    @Test
    void anAnswerDeclaredLongerThanTheLimitFails() {
        Throwable failure = failure(() -> CLIENT.send(HttpMethod.POST, base.resolve("/echo"), Map.of(),
                new byte[5000], Duration.ofSeconds(5), 4096).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(PeerClient.TooLarge.class, failure);
    }

    @Test
    void aStreamedAnswerLongerThanTheLimitFailsWhileItIsRead() {
        Throwable failure = failure(() -> CLIENT.send(HttpMethod.GET, base.resolve("/chunked"), Map.of(),
                null, Duration.ofSeconds(5), 10_000).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(PeerClient.TooLarge.class, failure);
        // the pool is still usable afterwards
        assertEquals(201, CLIENT.send(HttpMethod.GET, base.resolve("/echo"), Map.of("X-Token", "x"), null,
                Duration.ofSeconds(5), 16).await().atMost(Duration.ofSeconds(10)).status());
    }

    @Test
    void aPeerSlowerThanTheDeadlineFailsWithATimeout() {
        Throwable failure = failure(() -> CLIENT.send(HttpMethod.GET, base.resolve("/slow"), Map.of(),
                null, Duration.ofMillis(300), 16).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(TimeoutException.class, failure);
    }

    @Test
    void noServerFailsWithAnIoError() {
        Throwable failure = failure(() -> CLIENT.send(HttpMethod.GET, URI.create(Net.closedUrl()), Map.of(),
                null, Duration.ofSeconds(2), 16).await().atMost(Duration.ofSeconds(10)));
        assertInstanceOf(IOException.class, failure);
    }
}
