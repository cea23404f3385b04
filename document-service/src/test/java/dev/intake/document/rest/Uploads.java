package dev.intake.document.rest;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;

import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
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

    /** A file for {@code contact}, with that contact's own upload token (the stand-in's numbered contacts). */
    static ValidatableResponse uploadFor(String contact, String name, byte[] bytes) {
        return given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact))
                .multiPart("file", name, bytes, "text/plain")
                .multiPart("contactId", contact).multiPart("documentType", "report")
                .post("/api/v1/documents").then();
    }

    /** The old {@code POST /documents/upload} with the form's API key. */
    static ValidatableResponse legacyUploadFor(String contact) {
        return given().header("X-API-Key", "test-form-key").multiPart("file", "old.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", contact).multiPart("document_type", "report")
                .post("/documents/upload").then();
    }

    /** Rows and objects of the contact agree with the expected count: a refusal left neither. */
    static void assertStored(MinioClient storage, String bucket, String contact, int expected) {
        int rows = admin().queryParam("contactId", contact).get("/api/v1/documents").then().statusCode(200)
                .extract().path("total");
        assertEquals(expected, rows, "rows of " + contact);
        int objects = 0;
        for (var ignored : storage.listObjects(ListObjectsArgs.builder().bucket(bucket)
                .prefix("documents/" + contact + "/").recursive(true).build())) {
            objects++;
        }
        assertEquals(expected, objects, "objects of " + contact);
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
