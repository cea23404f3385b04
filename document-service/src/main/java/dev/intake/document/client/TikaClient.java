package dev.intake.document.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import dev.intake.document.config.DocumentConfig;

/**
 * Apache Tika server's {@code PUT /tika/text}: the file is streamed into the request body (its length known, so
 * no chunking) and Tika answers one JSON object, the text under {@code X-TIKA:content} (cut by Tika at the
 * {@code writeLimit} asked for) beside the metadata. The answer is read through a byte bound, never whole.
 * <p>
 * No retry or circuit breaker here: the work engine retries a document with backoff and counts its attempts, and
 * a breaker would replace the true reason of a file that kills Tika's child ("dropped") with "circuit open".
 */
@Singleton
public class TikaClient {

    /** Tika refuses a per-request timeout below this (HTTP 400). */
    static final Duration MIN_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RECONNECT_PAUSE = Duration.ofMillis(500);
    private static final int ERROR_BODY_BYTES = 16 * 1024;
    private static final String CONTENT = "X-TIKA:content";

    private final URI endpoint;
    private final Duration readTimeout;
    private final Duration restartWait;
    private final ExecutorService io = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "tika-client");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpClient http;
    private final JsonFactory json = new JsonFactory();

    public TikaClient(DocumentConfig config) {
        DocumentConfig.Extractor extractor = config.extractor();
        this.endpoint = extractor.url().resolve("/tika/text");
        this.readTimeout = extractor.readTimeout();
        this.restartWait = extractor.restartWait();
        this.http = HttpClient.newBuilder()
                // plain HTTP/1.1: an h2c upgrade cannot carry a streamed body
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(extractor.connectTimeout())
                .executor(io)
                .build();
    }

    public TikaAnswer extract(TikaRequest request) throws TikaRefused {
        Duration timeout = request.timeout().compareTo(MIN_TIMEOUT) < 0 ? MIN_TIMEOUT : request.timeout();
        AtomicBoolean taken = new AtomicBoolean();
        HttpRequest put = HttpRequest.newBuilder(endpoint)
                .timeout(readTimeout)
                .header("Content-Type", request.contentType())
                .header("Accept", "application/json")
                .header("writeLimit", String.valueOf(request.writeLimit()))
                .header("X-Tika-Timeout-Millis", String.valueOf(timeout.toMillis()))
                .header("X-Tika-OCRLanguage", request.ocrLanguages())
                .PUT(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(() -> {
                    taken.set(true);
                    return request.body();
                }), request.length()))
                .build();
        HttpResponse<InputStream> response = send(put, taken);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 200) {
                return read(body, answerLimit(request.writeLimit()));
            }
            String detail = new String(body.readNBytes(ERROR_BODY_BYTES), StandardCharsets.UTF_8);
            if (status == 415 || status == 422) {
                throw new TikaRefused(status, detail);
            }
            throw new TikaUnavailable("the extractor (Tika) answered HTTP " + status);
        } catch (LimitedInputStream.LimitExceeded e) {
            throw new TikaRefused(200, "the extractor's answer was larger than expected (" + e.getMessage() + ")");
        } catch (IOException e) {
            throw dropped();
        }
    }

    /**
     * Sends the request; a refused connection is tried again for up to {@code restart-wait} as long as no byte of
     * the file was read: Tika's child listens on the port and is down for a few seconds after it died.
     */
    private HttpResponse<InputStream> send(HttpRequest put, AtomicBoolean taken) {
        long deadline = System.nanoTime() + restartWait.toNanos();
        while (true) {
            try {
                return http.send(put, HttpResponse.BodyHandlers.ofInputStream());
            } catch (HttpConnectTimeoutException e) {
                throw new TikaUnavailable("the extractor (Tika) did not accept a connection in time");
            } catch (HttpTimeoutException e) {
                throw new TikaUnavailable("the extractor (Tika) gave no answer within " + readTimeout.toSeconds() + " s");
            } catch (ConnectException e) {
                if (taken.get() || System.nanoTime() > deadline) {
                    throw new TikaUnavailable("the extractor (Tika) is unreachable");
                }
            } catch (IOException e) {
                throw dropped();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TikaUnavailable("interrupted while the extractor (Tika) worked");
            }
            try {
                Thread.sleep(RECONNECT_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TikaUnavailable("interrupted while waiting for the extractor (Tika)");
            }
        }
    }

    /** The request ended without an answer: Tika's child died while it worked (its parent starts a new one). */
    private static TikaUnavailable dropped() {
        return new TikaUnavailable("the extractor (Tika) stopped while it read the file (out of memory, past its"
                + " time limit or crashed)");
    }

    /** A JSON string escapes a character in at most 6 bytes; the metadata (and an exception text) fit in 4 MB. */
    private static long answerLimit(int writeLimit) {
        return writeLimit * 6L + 4L * 1024 * 1024;
    }

    private TikaAnswer read(InputStream body, long limit) throws IOException {
        String text = "";
        Map<String, List<String>> metadata = new LinkedHashMap<>();
        try (JsonParser parser = json.createParser(new LimitedInputStream(body, limit))) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String key = parser.currentName();
                JsonToken value = parser.nextToken();
                List<String> values = new ArrayList<>(1);
                if (value == JsonToken.START_ARRAY) {
                    while (parser.nextToken() != JsonToken.END_ARRAY) {
                        values.add(parser.getValueAsString());
                    }
                } else if (value.isStructStart()) {
                    parser.skipChildren();
                } else {
                    values.add(parser.getValueAsString());
                }
                if (CONTENT.equals(key)) {
                    text = values.isEmpty() || values.get(0) == null ? "" : values.get(0);
                } else {
                    metadata.put(key, List.copyOf(values.stream().filter(v -> v != null).toList()));
                }
            }
        }
        return new TikaAnswer(text, metadata);
    }

    @PreDestroy
    void stop() {
        io.shutdownNow();
    }
}
