package dev.intake.document.rest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import dev.intake.testsupport.LoopbackHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real HTTP server standing in for contact-service's internal API (the real one is another
 * application): one known contact with one valid upload token; one contact id whose checks always fail
 * with 503, as an unavailable contact-service would.
 */
public class ContactServiceStandIn implements QuarkusTestResourceLifecycleManager {

    static final String CONTACT = "11111111-1111-4111-8111-111111111111";
    static final String TOKEN = "valid-upload-token";
    static final String UNAVAILABLE_CONTACT = "22222222-2222-4222-8222-222222222222";
    /** Contacts {@code contact(n)} exist too, each with its own upload token {@code tokenFor(contact)}. */
    private static final String NUMBERED = "33333333-3333-4333-8333-";

    /** contact(n) from this n on were submitted by another key (another person): the old path may not attach. */
    static final int OTHERS = 1000;

    /** The old path asks on behalf of the API key "form", which submitted CONTACT and contact(n) below OTHERS. */
    private static boolean submittedByFormKey(String body) {
        return body.replace(" ", "").contains("\"apiKey\":\"form\"");
    }

    static String contact(int n) {
        return NUMBERED + String.format("%012d", n);
    }

    static String tokenFor(String contactId) {
        return "token-for-" + contactId;
    }

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackHttpServer.start("/internal/contacts/", this::answer);
        return Map.of("quarkus.rest-client.contact-service.url", LoopbackHttpServer.baseUrl(server));
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        int status;
        if (!"dev-only-document-to-contact-token".equals(exchange.getRequestHeaders().getFirst("X-Service-Token"))) {
            status = 401;
        } else if (path.contains(UNAVAILABLE_CONTACT)) {
            status = 503;
        } else if (path.startsWith("/internal/contacts/" + NUMBERED)) {
            String id = path.substring("/internal/contacts/".length()).split("/")[0];
            status = !path.endsWith("/upload-authorization") || body.contains("\"" + tokenFor(id) + "\"")
                    || (submittedByFormKey(body) && Long.parseLong(id.substring(NUMBERED.length())) < OTHERS) ? 200 : 403;
        } else if (!path.startsWith("/internal/contacts/" + CONTACT)) {
            status = 404;
        } else if (path.endsWith("/upload-authorization")) {
            status = body.contains("\"" + TOKEN + "\"") || submittedByFormKey(body) ? 200 : 403;
        } else {
            status = 200;
        }
        byte[] response = ("{\"contactId\":\"" + CONTACT + "\"}").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, status == 200 ? response.length : -1);
        if (status == 200) {
            exchange.getResponseBody().write(response);
        }
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
