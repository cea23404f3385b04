package dev.intake.document.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Test helpers: multipart uploads and waiting for processing to finish. */
final class Uploads {

    static final String ADMIN_PASSWORD = "dev-only-admin-password";

    private Uploads() {
    }

    static RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", ADMIN_PASSWORD);
    }

    static ValidatableResponse upload(String filename, byte[] bytes, String mime) {
        return given().header("X-Upload-Token", ContactServiceStandIn.TOKEN)
                .multiPart("file", filename, bytes, mime)
                .multiPart("contactId", ContactServiceStandIn.CONTACT)
                .multiPart("documentType", "invoice")
                .multiPart("description", "sample")
                .multiPart("tags", " billing, ,q4 ")
                .post("/api/v1/documents").then();
    }

    static String stored(String filename, byte[] bytes, String mime) {
        return upload(filename, bytes, mime).statusCode(201).extract().path("id");
    }

    /** Waits until the worker has finished with the document; returns its detail. */
    static JsonPath processed(String id) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            String status = admin().get("/api/v1/documents/" + id).then().extract().path("document.status");
            return "COMPLETED".equals(status) || "FAILED".equals(status);
        });
        return admin().get("/api/v1/documents/" + id).then().statusCode(200).extract().jsonPath();
    }
}
