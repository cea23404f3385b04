package dev.intake.search;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for document-service's internal read API
 * ({@code GET /internal/documents?after=&limit=}, service token): documents in id order, pages with
 * {@code next}. Tests set its documents and may slow each page down.
 */
public class DocumentServiceStandIn implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ObjectNode> DOCUMENTS = new CopyOnWriteArrayList<>();
    private static final AtomicInteger PAGE_DELAY_MS = new AtomicInteger();
    private static final AtomicInteger PAGES_SERVED = new AtomicInteger();

    private HttpServer server;

    /** Replaces what the stand-in serves; kept sorted by documentId like the real API. */
    public static void serve(List<ObjectNode> documents, int pageDelayMs) {
        DOCUMENTS.clear();
        DOCUMENTS.addAll(documents.stream().sorted((a, b) -> a.get("documentId").asText()
                .compareTo(b.get("documentId").asText())).toList());
        PAGE_DELAY_MS.set(pageDelayMs);
        PAGES_SERVED.set(0);
    }

    public static int pagesServed() {
        return PAGES_SERVED.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/internal/documents", this::page);
        server.start();
        return Map.of("intake.document-service-url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void page(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"dev-only-search-to-document-token".equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
                respond(exchange, 401, "{\"title\":\"Authentication required\"}");
                return;
            }
            String after = null;
            int limit = 50;
            String query = exchange.getRequestURI().getRawQuery();
            for (String pair : query == null ? new String[0] : query.split("&")) {
                String[] kv = pair.split("=", 2);
                if (kv[0].equals("after") && kv.length == 2 && !kv[1].isEmpty()) {
                    after = kv[1];
                } else if (kv[0].equals("limit")) {
                    limit = Integer.parseInt(kv[1]);
                }
            }
            if (limit < 1 || limit > 200) {
                respond(exchange, 400, "{\"title\":\"Invalid request\"}");
                return;
            }
            Thread.sleep(PAGE_DELAY_MS.get());
            String from = after;
            List<ObjectNode> rest = DOCUMENTS.stream()
                    .filter(d -> from == null || d.get("documentId").asText().compareTo(from) > 0).toList();
            List<ObjectNode> items = rest.subList(0, Math.min(limit, rest.size()));
            ObjectNode body = JSON.createObjectNode();
            ArrayNode array = body.putArray("items");
            items.forEach(array::add);
            if (rest.size() > limit) {
                body.put("next", items.get(items.size() - 1).get("documentId").asText());
            } else {
                body.putNull("next");
            }
            PAGES_SERVED.incrementAndGet();
            respond(exchange, 200, JSON.writeValueAsString(body));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
