package dev.intake.search;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Builds event payloads and posts envelopes to {@code /internal/events} as a producer's relay would. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper();

    private Events() {
    }

    static Response post(String type, ObjectNode payload) {
        return post(UUID.randomUUID(), type, payload);
    }

    static Response post(UUID eventId, String type, ObjectNode payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", eventId.toString());
        envelope.put("type", type);
        envelope.put("version", 1);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("correlationId", "search-test");
        envelope.set("payload", payload);
        return given().contentType("application/json").header("X-Service-Token", producerToken(type))
                .body(envelope.toString()).post("/internal/events");
    }

    /** The token of the pair whose producer sends this type (contact.* from contact-service, document.* from document-service). */
    static String producerToken(String type) {
        return type.startsWith("contact.") ? "dev-only-contact-to-search-token" : "dev-only-document-to-search-token";
    }

    static void apply(String type, ObjectNode payload) {
        post(type, payload).then().statusCode(200);
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "dev-only-admin-password");
    }

    /** A document.processed payload with sensible defaults. */
    static ObjectNode document(UUID documentId, UUID contactId, String filename, String text) {
        ObjectNode d = JSON.createObjectNode();
        d.put("documentId", documentId.toString());
        d.put("contactId", contactId.toString());
        d.put("filename", filename);
        d.put("documentType", "report");
        d.put("description", "A document for the tests");
        d.putArray("tags").add("test");
        d.put("contentType", "application/pdf");
        d.put("fileExtension", "pdf");
        d.put("sizeBytes", 1000);
        d.put("sha256", "0".repeat(64));
        d.put("status", "COMPLETED");
        d.put("uploadedAt", "2026-11-20T10:00:00Z");
        d.put("processedAt", "2026-11-20T10:00:05Z");
        d.put("language", "en");
        d.put("title", filename);
        d.putArray("keywords");
        d.putObject("entities");
        d.put("text", text);
        return d;
    }

    static ObjectNode contact(UUID contactId, String name, String company) {
        ObjectNode c = JSON.createObjectNode();
        c.put("contactId", contactId.toString());
        c.put("createdAt", Instant.now().toString());
        c.put("name", name);
        c.put("email", "someone@example.com");
        if (company != null) {
            c.put("company", company);
        }
        c.put("source", "website");
        c.put("message", "hello");
        return c;
    }

    static ObjectNode ids(String... pairs) {
        ObjectNode node = JSON.createObjectNode();
        for (int i = 0; i < pairs.length; i += 2) {
            node.put(pairs[i], pairs[i + 1]);
        }
        node.put("deletedAt", Instant.now().toString());
        return node;
    }

    static List<String> list(String... values) {
        return List.of(values);
    }
}
