package dev.intake.notification;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** Posting events and reading the delivery log through the admin API, as the other services and admins do. */
final class Api {

    private Api() {
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "dev-only-admin-password");
    }

    static String envelope(UUID eventId, String type, String payload) {
        return """
                {"eventId":"%s","type":"%s","version":1,"occurredAt":"2026-12-01T10:00:00Z",
                 "correlationId":"notification-test","payload":%s}""".formatted(eventId, type, payload);
    }

    /** Posts an event; returns the inbox's answer ("applied" or "duplicate"). */
    static String post(UUID eventId, String type, String payload) {
        return given().contentType("application/json").header("X-Service-Token", producerToken(type))
                .body(envelope(eventId, type, payload)).post("/internal/events")
                .then().statusCode(200).extract().path("status");
    }

    /** Posts a contact.deleted event for the contact; returns the inbox's answer. */
    static String contactDeleted(UUID contactId) {
        return post(UUID.randomUUID(), "contact.deleted",
                "{\"contactId\":\"" + contactId + "\",\"deletedAt\":\"2026-12-01T11:00:00Z\"}");
    }

    /** The token of the pair whose producer sends this type (contact.* from contact-service, document.* from document-service). */
    static String producerToken(String type) {
        return type.startsWith("contact.") ? CONTACT_TOKEN : DOCUMENT_TOKEN;
    }

    static final String CONTACT_TOKEN = "dev-only-contact-to-notification-token";
    static final String DOCUMENT_TOKEN = "dev-only-document-to-notification-token";

    /** Posts events in one batch from contact-service, as its relay does (one inbox transaction); returns their statuses. */
    static List<String> postBatch(List<String> envelopes) {
        return postBatch(CONTACT_TOKEN, envelopes);
    }

    static List<String> postBatch(String token, List<String> envelopes) {
        return given().contentType("application/json").header("X-Service-Token", token)
                .body("{\"events\":[" + String.join(",", envelopes) + "]}").post("/internal/events/batch")
                .then().statusCode(200).extract().jsonPath().getList("results.status");
    }

    static String contactSubmitted(UUID contactId, String name, String email, String service) {
        return contactSubmitted(contactId, name, email, service, "ACME & Sons", "Hello,\nplease call me back.");
    }

    static String contactSubmitted(UUID contactId, String name, String email, String service, String company,
            String message) {
        return """
                {"contactId":"%s","createdAt":"2026-12-01T09:59:58Z","name":%s,"email":"%s","company":%s,
                 "service":%s,"budget":"5k-10k","source":"website","message":%s,
                 "userAgent":"test","pageUrl":"https://example.org/contact"}""".formatted(contactId, json(name), email,
                json(company), service == null ? "null" : json(service), json(message));
    }

    static String json(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    /** The contact's rows in the delivery log, newest first. */
    static List<Map<String, Object>> rows(UUID contactId) {
        JsonPath page = admin().queryParam("contactId", contactId.toString()).queryParam("size", 100)
                .get("/api/v1/notifications").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }

    static Map<String, Object> row(UUID contactId, String template) {
        return rows(contactId).stream().filter(r -> template.equals(r.get("template"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + template + " row for contact " + contactId));
    }

    /** Waits until the contact's row of that template satisfies the condition. */
    static Map<String, Object> awaitRow(UUID contactId, String template, Predicate<Map<String, Object>> condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> row = null;
        while (System.nanoTime() < deadline) {
            row = rows(contactId).stream().filter(r -> template.equals(r.get("template"))).findFirst().orElse(null);
            if (row != null && condition.test(row)) {
                return row;
            }
            Mailbox.sleep(100);
        }
        throw new AssertionError("row never matched: " + row);
    }

    static Predicate<Map<String, Object>> status(String status) {
        return r -> status.equals(r.get("status"));
    }
}
