package dev.intake.contact.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.intake.testsupport.LoopbackHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for document-service's upload endpoint (the real one is another
 * application). It answers 201 with a document id derived from the received file's bytes, so a test can
 * tell the bytes arrived whole, and refuses {@code .exe} files with a 415 problem, as document-service does.
 */
public class DocumentServiceStandIn implements QuarkusTestResourceLifecycleManager {

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackHttpServer.start("/api/v1/documents", this::upload);
        return Map.of("quarkus.rest-client.document-service.url", LoopbackHttpServer.baseUrl(server));
    }

    /** The id the stand-in gives a file: the same for the same bytes. */
    static UUID idOf(byte[] bytes) {
        return UUID.nameUUIDFromBytes(bytes);
    }

    private void upload(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String token = exchange.getRequestHeaders().getFirst("X-Upload-Token");
        String boundary = "--" + contentType.substring(contentType.indexOf("boundary=") + 9).replace("\"", "");
        String text = new String(body, StandardCharsets.ISO_8859_1);
        int part = text.indexOf("name=\"file\"");
        int start = text.indexOf("\r\n\r\n", part) + 4;
        int end = text.indexOf("\r\n" + boundary, start);
        String header = text.substring(part, start);
        byte[] file = java.util.Arrays.copyOfRange(body, start, end);
        String answer;
        int status;
        if (token == null || token.isBlank() || !text.contains("name=\"contactId\"")) {
            status = 401;
            answer = "{\"title\":\"Authentication required\",\"status\":401,\"detail\":\"An upload token is required.\"}";
        } else if (header.contains("hang.txt\"")) {
            // a document-service that never answers (the client side gives up first)
            try {
                Thread.sleep(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 503;
            answer = "{\"title\":\"Service unavailable\",\"status\":503,\"detail\":\"late\"}";
        } else if (header.contains(".exe\"")) {
            status = 415;
            answer = "{\"title\":\"Unsupported media type\",\"status\":415,\"detail\":\"Files of this kind are not accepted.\"}";
        } else {
            status = 201;
            answer = "{\"id\":\"" + idOf(file) + "\",\"status\":\"PENDING\"}";
        }
        byte[] out = answer.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status == 201 ? "application/json" : "application/problem+json");
        exchange.sendResponseHeaders(status, out.length);
        exchange.getResponseBody().write(out);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
