package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static dev.intake.document.rest.Uploads.assertStored;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.client.ObjectWriter;
import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ValidatableResponse;

/**
 * A file sent as the request body (application/octet-stream, fields as query parameters) streams to S3 as it
 * arrives: stored with the same checks and digests as a multipart upload; refused before its bytes are read
 * when the token is wrong or it is too large; and a body that breaks off stores nothing.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class StreamedUploadTest {

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    @Inject
    ObjectWriter writer;

    private static ValidatableResponse sendBody(String contact, String filename, byte[] bytes) {
        return given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact))
                .contentType("application/octet-stream").body(bytes)
                .queryParam("contactId", contact).queryParam("filename", filename).queryParam("documentType", "report")
                .queryParam("tags", "q4, billing")
                .post("/api/v1/documents").then();
    }

    @Test
    void aBodyIsStoredWithItsDigestsAndDownloadsIntact() throws Exception {
        String contact = ContactServiceStandIn.contact(900);
        byte[] bytes = SampleFiles.docx("Quarterly invoice streamed as the request body.");
        var created = sendBody(contact, "report.docx", bytes).statusCode(201)
                .body("filename", equalTo("report.docx"))
                .body("contentType", equalTo("application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .body("tags", equalTo(java.util.List.of("q4", "billing")))
                .extract().jsonPath();
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), created.getString("sha256"));
        byte[] downloaded = admin().get("/api/v1/documents/" + created.getString("id") + "/content").then().statusCode(200)
                .header("Digest", "sha-256=" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)))
                .extract().asByteArray();
        assertArrayEquals(bytes, downloaded);
        assertStored(storage, storageConfig.bucket(), contact, 1);
    }

    @Test
    void aBodyThatIsNotWhatItsNameSaysIs415AndNothingIsStored() {
        String contact = ContactServiceStandIn.contact(901);
        sendBody(contact, "invoice.pdf", SampleFiles.executable()).statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        sendBody(contact, "", SampleFiles.text()).statusCode(400).body("errors[0].field", equalTo("filename"));
        sendBody(contact, "empty.txt", new byte[0]).statusCode(400);
        given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact)).contentType("application/octet-stream")
                .body(SampleFiles.text()).queryParam("contactId", contact).queryParam("filename", "a.txt")
                .queryParam("documentType", "poem").post("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("documentType"));
        assertStored(storage, storageConfig.bucket(), contact, 0);
    }

    @Test
    void aWrongTokenOrATooLargeBodyIsRefusedBeforeItsBytesAreRead() throws IOException {
        String contact = ContactServiceStandIn.contact(902);
        // the client waits for 100 Continue before sending the body: the refusal comes instead
        String forged = exchange("POST /api/v1/documents?contactId=" + contact + "&filename=a.txt&documentType=report HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Upload-Token: forged\r\nContent-Type: application/octet-stream\r\n"
                + "Content-Length: 1000\r\nExpect: 100-continue\r\n\r\n", null, false);
        assertTrue(forged.startsWith("HTTP/1.1 403"), forged);
        String tooLarge = exchange("POST /api/v1/documents?contactId=" + contact + "&filename=a.txt&documentType=report HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Upload-Token: " + ContactServiceStandIn.tokenFor(contact)
                + "\r\nContent-Type: application/octet-stream\r\nContent-Length: 300001\r\nExpect: 100-continue\r\n\r\n", null, false);
        assertTrue(tooLarge.startsWith("HTTP/1.1 413"), tooLarge);
        assertStored(storage, storageConfig.bucket(), contact, 0);
    }

    @Test
    void aChunkedBodyIs411AndOneThatBreaksOffStoresNothing() throws Exception {
        String contact = ContactServiceStandIn.contact(903);
        String target = "POST /api/v1/documents?contactId=" + contact + "&filename=a.txt&documentType=report HTTP/1.1\r\n"
                + "Host: localhost\r\nX-Upload-Token: " + ContactServiceStandIn.tokenFor(contact)
                + "\r\nContent-Type: application/octet-stream\r\n";
        String chunked = exchange(target + "Transfer-Encoding: chunked\r\n\r\n", "5\r\nhello\r\n0\r\n\r\n".getBytes(), false);
        assertTrue(chunked.startsWith("HTTP/1.1 411"), chunked);
        // 100 KB of the 200 KB declared, then the client is gone
        byte[] half = new byte[100_000];
        java.util.Arrays.fill(half, (byte) 'a');
        exchange(target + "Content-Length: 200000\r\n\r\n", half, true);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertStored(storage, storageConfig.bucket(), contact, 0));
        // the same contact's next, whole upload goes through
        sendBody(contact, "whole.txt", SampleFiles.text()).statusCode(201);
        assertStored(storage, storageConfig.bucket(), contact, 1);
    }

    @Test
    void aBodyRetriedWithItsIdempotencyKeyIsAnsweredWithTheFirstDocument() {
        String contact = ContactServiceStandIn.contact(905);
        byte[] bytes = SampleFiles.text();
        String first = given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact))
                .header("Idempotency-Key", "retry-905").contentType("application/octet-stream").body(bytes)
                .queryParam("contactId", contact).queryParam("filename", "notes.txt").queryParam("documentType", "report")
                .post("/api/v1/documents").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        // the client did not see the answer and sends the file again: the first document, nothing stored twice
        given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact))
                .header("Idempotency-Key", "retry-905").contentType("application/octet-stream").body(bytes)
                .queryParam("contactId", contact).queryParam("filename", "notes.txt").queryParam("documentType", "report")
                .post("/api/v1/documents").then().statusCode(201).header("Idempotent-Replayed", "true")
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/documents/" + first))
                .body("id", equalTo(first));
        assertStored(storage, storageConfig.bucket(), contact, 1);
    }

    @Test
    void contentShorterOrLongerThanDeclaredIsNotStored() throws Exception {
        String key = "documents/writer-test/declared-length.txt";
        byte[] ten = "0123456789".getBytes(StandardCharsets.US_ASCII);
        var shorter = assertThrows(ObjectWriter.LengthMismatch.class, () -> writer.put(key, new ByteArrayInputStream(ten),
                11, "text/plain", java.util.Map.of()));
        assertTrue(shorter.getMessage().contains("ended 1 bytes before"), shorter.getMessage());
        // one byte past a full 64 KiB read: found only once the declared length is in hand
        byte[] oneTooMany = new byte[64 * 1024 + 1];
        java.util.Arrays.fill(oneTooMany, (byte) 'x');
        var longer = assertThrows(ObjectWriter.LengthMismatch.class, () -> writer.put(key,
                new ByteArrayInputStream(oneTooMany), 64 * 1024, "text/plain", java.util.Map.of()));
        assertTrue(longer.getMessage().contains("longer than its declared length"), longer.getMessage());
        assertThrows(io.minio.errors.ErrorResponseException.class, () -> storage.statObject(
                io.minio.StatObjectArgs.builder().bucket(storageConfig.bucket()).object(key).build()));
        // the exact length is stored, and its digests are those of the bytes
        var written = writer.put(key, new ByteArrayInputStream(ten), 10, "text/plain", java.util.Map.of());
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(ten)), written.md5());
        assertEquals(10, storage.statObject(io.minio.StatObjectArgs.builder().bucket(storageConfig.bucket())
                .object(key).build()).size());
    }

    @Test
    void aLargeJsonBodyStaysLimitedAtTheEndpoint() {
        String contact = ContactServiceStandIn.contact(904);
        given().header("X-Upload-Token", ContactServiceStandIn.tokenFor(contact)).contentType("application/json")
                .body("[" + "1,".repeat(40_000) + "1]").queryParam("contactId", contact).queryParam("filename", "a.json")
                .queryParam("documentType", "report").post("/api/v1/documents").then().statusCode(413);
        assertStored(storage, storageConfig.bucket(), contact, 0);
    }

    /** Writes a raw request (and a body, then closes if {@code abort}); returns what the server answered first. */
    private static String exchange(String head, byte[] body, boolean abort) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                new ByteArrayInputStream(body).transferTo(out);
            }
            out.flush();
            if (abort) {
                return "";
            }
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[512];
            int read = in.read(answer);
            return read < 0 ? "" : new String(answer, 0, read, StandardCharsets.ISO_8859_1);
        }
    }
}
