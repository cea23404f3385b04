package dev.intake.contact.rest;

import static io.restassured.RestAssured.given;

import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.specification.RequestSpecification;

/** Test helpers: submissions from distinct client addresses (rate limits are per IP). */
final class Submissions {

    static final String FORM_KEY = "test-form-key";
    static final String SEARCH_KEY = "test-search-key";
    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "dev-only-admin-password";
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private Submissions() {
    }

    static RequestSpecification fromNewClient() {
        int n = CLIENTS.incrementAndGet();
        return given().header("X-Forwarded-For", "198.51.100." + (n % 250 + 1) + "," + "10.0." + (n / 250) + ".1")
                .contentType("application/json");
    }

    static RequestSpecification withFormKey() {
        return fromNewClient().header("X-API-Key", FORM_KEY);
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic(ADMIN, ADMIN_PASSWORD).contentType("application/json");
    }

    static String valid(String name) {
        return """
                {"name":"%s","email":"ada@example.org","message":"We need 40 contracts digitised.",
                 "company":"Analytical Engines","service":"document-processing","budget":"10k",
                 "source":"website","userAgent":"test","pageUrl":"https://example.org/contact",
                 "timestamp":"2026-12-01T10:00:00Z"}""".formatted(name);
    }

    static String create(String name) {
        return withFormKey().body(valid(name)).post("/api/v1/contacts")
                .then().statusCode(201).extract().path("id");
    }
}
