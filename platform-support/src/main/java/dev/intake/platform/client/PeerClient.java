package dev.intake.platform.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;

/**
 * Calls to a peer (another service of the platform, SES) on Vert.x's HTTP client: HTTP/1.1 keep-alive
 * connections, at most {@code maxConnections} of them, each call bounded by a deadline and its answer
 * read on the event loop up to a limit, so a peer that answers too much (broken, or not the peer we
 * think) fails the call with {@link TooLarge} instead of filling the heap. No thread waits for an
 * answer, and none is handed the answer: the JDK's client took two thread hand-offs per call, which
 * under load was the larger part of a mail's CPU.
 */
public final class PeerClient implements AutoCloseable {

    /** A peer's answer: status, headers and the body's bytes. */
    public record Answer(int status, MultiMap headers, byte[] body) {

        public String header(String name) {
            return headers.get(name);
        }

        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answer was longer than the limit. */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;

        TooLarge(int maxBytes) {
            super("the answer is longer than " + maxBytes + " bytes");
        }
    }

    private final HttpClient http;

    public PeerClient(Vertx vertx, int maxConnections, Duration connectTimeout) {
        this.http = vertx.createHttpClient(new HttpClientOptions()
                .setProtocolVersion(HttpVersion.HTTP_1_1)
                .setKeepAlive(true)
                .setTcpNoDelay(true)
                .setMaxPoolSize(Math.max(1, maxConnections))
                .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis())));
    }

    /** Sends {@code body} (null: none) and completes with the whole answer, or fails on a transport error, the deadline or {@link TooLarge}. */
    public Uni<Answer> send(HttpMethod method, URI uri, Map<String, String> headers, byte[] body, Duration deadline,
            int maxAnswerBytes) {
        RequestOptions options = new RequestOptions().setMethod(method).setAbsoluteURI(uri.toString())
                .setIdleTimeout(deadline.toMillis() + 1000); // the deadline below ends the call first
        headers.forEach(options::putHeader);
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        return Uni.createFrom().<Answer>emitter(emitter -> http.request(options).onComplete(requested -> {
            if (requested.failed()) {
                emitter.fail(requested.cause());
                return;
            }
            HttpClientRequest request = requested.result();
            sent.set(request);
            (body == null ? request.send() : request.send(Buffer.buffer(body))).onComplete(answered -> {
                if (answered.failed()) {
                    emitter.fail(answered.cause());
                    return;
                }
                read(request, answered.result(), maxAnswerBytes, emitter);
            });
        })).ifNoItem().after(deadline).failWith(() -> new TimeoutException("no answer within " + deadline))
                .onFailure(ConnectException.class).transform(PeerClient::plainConnectFailure)
                .onFailure().invoke(() -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                })
                .onCancellation().invoke(() -> {
                    HttpClientRequest request = sent.get();
                    if (request != null) {
                        request.reset();
                    }
                });
    }

    private static void read(HttpClientRequest request, HttpClientResponse response, int maxBytes,
            UniEmitter<? super Answer> emitter) {
        Buffer bytes = Buffer.buffer();
        boolean[] over = new boolean[1];
        Runnable refuse = () -> {
            over[0] = true;
            emitter.fail(new TooLarge(maxBytes));
            request.reset(); // the rest of the answer is not read: the connection is closed
        };
        response.exceptionHandler(failure -> {
            if (!over[0]) {
                emitter.fail(failure);
            }
        });
        response.handler(chunk -> {
            if (over[0]) {
                return;
            }
            if (bytes.length() + chunk.length() > maxBytes) {
                refuse.run();
                return;
            }
            bytes.appendBuffer(chunk);
        });
        response.endHandler(end -> {
            if (!over[0]) {
                emitter.complete(new Answer(response.statusCode(), response.headers(), bytes.getBytes()));
            }
        });
        String length = response.getHeader("Content-Length");
        if (length != null && length.length() < 19 && !length.isEmpty() && length.chars().allMatch(Character::isDigit)
                && Long.parseLong(length) > maxBytes) {
            refuse.run();
        }
    }

    /** Netty's own subclass, named as the JDK names it: the name ends up in stored errors and logs. */
    private static Throwable plainConnectFailure(Throwable failure) {
        return failure.getClass() == ConnectException.class ? failure : new ConnectException(failure.getMessage());
    }

    @Override
    public void close() {
        http.close();
    }
}
