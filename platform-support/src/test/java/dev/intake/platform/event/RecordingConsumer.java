package dev.intake.platform.event;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP consumer of events, standing in for another service: it dedupes by event id like an
 * inbox, records what it received in order, and can be stopped, made to fail or to reject poison.
 */
public final class RecordingConsumer {

    public record Receipt(UUID eventId, String aggregate, int position, long atNanos, String token,
            String correlationId) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final int port;
    private final HttpServer control;
    private final List<Receipt> receipts = new CopyOnWriteArrayList<>();
    private final Set<UUID> applied = ConcurrentHashMap.newKeySet();
    private final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    private final AtomicInteger batches = new AtomicInteger();
    private volatile boolean acceptPoison;
    private volatile HttpServer server;

    /**
     * The control server stays up while the event endpoint comes and goes; tests drive the consumer
     * through it because test code and test resources may not share class loaders or instances.
     */
    public RecordingConsumer(int port, int controlPort) {
        this.port = port;
        try {
            control = HttpServer.create(new InetSocketAddress("127.0.0.1", controlPort), 50);
        } catch (IOException e) {
            throw new IllegalStateException("recording consumer could not bind " + controlPort, e);
        }
        control.createContext("/", this::control);
        control.start();
    }

    public void close() {
        stop();
        control.stop(0);
    }

    public String controlUrl() {
        return "http://127.0.0.1:" + control.getAddress().getPort();
    }

    private void control(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = java.util.Objects.requireNonNullElse(exchange.getRequestURI().getQuery(), "");
        byte[] body = new byte[0];
        switch (path) {
            case "/stop" -> stop();
            case "/start" -> start();
            case "/fail" -> {
                String[] args = query.split("&");
                failNext(args[0].substring("aggregate=".length()), Integer.parseInt(args[1].substring("times=".length())));
            }
            case "/accept-poison" -> acceptPoison(query.endsWith("true"));
            case "/state" -> body = JSON.writeValueAsBytes(Map.of("receipts", receipts, "applied", applied, "batches", batches.get()));
            default -> {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    public synchronized void start() {
        if (server != null) {
            return;
        }
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
            http.createContext("/internal/events", this::handle);
            http.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            http.start();
            server = http;
        } catch (IOException e) {
            throw new IllegalStateException("recording consumer could not bind " + port, e);
        }
    }

    public synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port + "/internal/events";
    }

    /** The next {@code times} deliveries for the aggregate answer 503. */
    public void failNext(String aggregate, int times) {
        failuresLeft.put(aggregate, new AtomicInteger(times));
    }

    public void acceptPoison(boolean accept) {
        this.acceptPoison = accept;
    }

    /**
     * Answers a batch like a real inbox ({@code /internal/events/batch}): an outcome per event, so one
     * failing or poison event leaves its neighbours applied.
     */
    private void handle(HttpExchange exchange) throws IOException {
        JsonNode batch;
        try (InputStream body = exchange.getRequestBody()) {
            batch = JSON.readTree(body);
        }
        if (!exchange.getRequestURI().getPath().endsWith("/batch")) {
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
            return;
        }
        batches.incrementAndGet();
        var results = JSON.createArrayNode();
        for (JsonNode envelope : batch.path("events")) {
            UUID id = UUID.fromString(envelope.path("eventId").asText());
            JsonNode payload = envelope.path("payload");
            String aggregate = payload.path("aggregate").asText();
            receipts.add(new Receipt(id, aggregate, payload.path("position").asInt(), System.nanoTime(),
                    exchange.getRequestHeaders().getFirst("X-Service-Token"),
                    envelope.path("correlationId").asText(null)));
            AtomicInteger failures = failuresLeft.get(aggregate);
            String status;
            if (failures != null && failures.getAndDecrement() > 0) {
                status = "failed";
            } else if (payload.path("poison").asBoolean() && !acceptPoison) {
                status = "rejected";
            } else {
                status = applied.add(id) ? "applied" : "duplicate";
            }
            results.addObject().put("eventId", id.toString()).put("status", status);
        }
        byte[] answer = JSON.writeValueAsBytes(JSON.createObjectNode().set("results", results));
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        exchange.getResponseBody().write(answer);
        exchange.close();
    }
}
