package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static dev.intake.document.rest.Uploads.stored;
import static dev.intake.document.rest.Uploads.upload;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
class DocumentUploadTest {

    @Inject
    MinioClient storage;
    @Inject
    StorageConfig storageConfig;
    @Inject
    Pool pool;

    private long objectsUnder(String prefix) {
        long n = 0;
        for (var ignored : storage.listObjects(ListObjectsArgs.builder().bucket(storageConfig.bucket()).prefix(prefix)
                .recursive(true).build())) {
            n++;
        }
        return n;
    }

    private long rows() {
        return pool.query("SELECT count(*) FROM document").executeAndAwait().iterator().next().getLong(0);
    }

    @Test
    void anUploadIsStoredPrivatelyUnderASanitisedKeyWithItsChecksum() throws Exception {
        byte[] bytes = SampleFiles.text();
        var created = upload("../../etc/quarterly invoice\u0007.txt", bytes, "text/plain").statusCode(201)
                .header("Location", containsString("/api/v1/documents/"))
                .body("status", equalTo("PENDING"))
                .body("contentType", equalTo("text/plain"))
                .body("tags", equalTo(java.util.List.of("billing", "q4")))
                .body("filename", equalTo("../../etc/quarterly invoice\u0007.txt"))
                .body("storedFilename", equalTo("quarterly_invoice.txt"))
                .extract().jsonPath();
        String id = created.getString("id");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        assertEquals(sha, created.getString("sha256"));
        String key = "documents/" + ContactServiceStandIn.CONTACT + "/" + id + "/quarterly_invoice.txt";
        var stat = storage.statObject(StatObjectArgs.builder().bucket(storageConfig.bucket()).object(key).build());
        // the MD5 taken as the bytes streamed is S3's ETag, and recorded: a download compares the two
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        assertEquals(md5, stat.etag().replace("\"", ""));
        assertEquals(md5, pool.preparedQuery("SELECT md5 FROM document WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next().getString(0));
        assertEquals(ContactServiceStandIn.CONTACT, stat.userMetadata().get("contact-id"));
        assertEquals(bytes.length, stat.size());

        byte[] downloaded = admin().get("/api/v1/documents/" + id + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("filename=\"quarterly_invoice.txt\""))
                .header("Content-Disposition", containsString("filename*=UTF-8''..%2F..%2Fetc%2Fquarterly%20invoice%07.txt"))
                .extract().asByteArray();
        assertArrayEquals(bytes, downloaded);
        // the bucket is private: S3 refuses an anonymous read
        given().get(storageConfig.endpoint() + "/" + storageConfig.bucket() + "/" + key).then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
    }

    @Test
    void badUploadsGetA4xxAndLeaveNothingBehind() throws Exception {
        long rowsBefore = rows();
        long objectsBefore = objectsUnder("documents/");

        upload("invoice.pdf", SampleFiles.executable(), "application/pdf").statusCode(415)
                .contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        upload("setup.exe", SampleFiles.executable(), "application/octet-stream").statusCode(415);
        upload("big.txt", new byte[300_001], "text/plain").statusCode(413);
        upload("empty.txt", new byte[0], "text/plain").statusCode(400);
        upload("noextension", SampleFiles.text(), "text/plain").statusCode(415);
        given().multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "invoice")
                .post("/api/v1/documents").then().statusCode(401).contentType("application/problem+json");
        given().header("X-Upload-Token", "forged").multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "invoice")
                .post("/api/v1/documents").then().statusCode(403);
        given().header("X-Upload-Token", ContactServiceStandIn.TOKEN).multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", UUID.randomUUID().toString()).multiPart("documentType", "invoice")
                .post("/api/v1/documents").then().statusCode(404);
        given().header("X-Upload-Token", ContactServiceStandIn.TOKEN).multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", "not-a-uuid").multiPart("documentType", "poem")
                .post("/api/v1/documents").then().statusCode(400)
                .body("errors.field", hasItem("contactId")).body("errors.field", hasItem("documentType"));
        given().header("X-Upload-Token", ContactServiceStandIn.TOKEN).multiPart("file", "a.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.UNAVAILABLE_CONTACT).multiPart("documentType", "invoice")
                .post("/api/v1/documents").then().statusCode(503).header("Retry-After", matchesPattern("[0-9]+"))
                .body(not(containsString("Exception")));

        assertEquals(rowsBefore, rows());
        assertEquals(objectsBefore, objectsUnder("documents/"));
    }

    @Test
    void adminsMayUploadWithoutAToken() {
        admin().multiPart("file", "notes.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "other")
                .post("/api/v1/documents").then().statusCode(201);
        given().auth().preemptive().basic("admin", "wrong").multiPart("file", "notes.txt", SampleFiles.text(), "text/plain")
                .multiPart("contactId", ContactServiceStandIn.CONTACT).multiPart("documentType", "other")
                .post("/api/v1/documents").then().statusCode(401);
    }

    @Test
    void adminOperationsNeedCredentials() {
        String id = stored("a.txt", SampleFiles.text(), "text/plain");
        given().get("/api/v1/documents").then().statusCode(401);
        given().get("/api/v1/documents/" + id).then().statusCode(401);
        given().get("/api/v1/documents/" + id + "/content").then().statusCode(401);
        given().post("/api/v1/documents/" + id + "/reprocess").then().statusCode(401);
        given().delete("/api/v1/documents/" + id).then().statusCode(401);
        admin().queryParam("size", 500).get("/api/v1/documents").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        admin().queryParam("contactId", ContactServiceStandIn.CONTACT).get("/api/v1/documents").then().statusCode(200)
                .body("items.id", hasItem(id));
    }

    @Test
    void deletingRemovesRowObjectAndAnnouncesIt() {
        String id = stored("gone.txt", SampleFiles.text(), "text/plain");
        String prefix = "documents/" + ContactServiceStandIn.CONTACT + "/" + id + "/";
        assertEquals(1, objectsUnder(prefix));
        admin().delete("/api/v1/documents/" + id).then().statusCode(204);
        admin().get("/api/v1/documents/" + id).then().statusCode(404);
        assertEquals(0, objectsUnder(prefix));
        long events = pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'document.deleted'")
                .executeAndAwait(Tuple.of(id)).iterator().next().getLong(0);
        assertEquals(1, events);
    }

    @Test
    void theOldUploadPathKeepsItsShapeAndNeedsAKey() {
        given().header("X-API-Key", "test-form-key").multiPart("file", "legacy.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(200)
                .body("processing_status", equalTo("pending"))
                .body("s3_path", matchesPattern("s3://intake-documents/documents/.+/legacy\\.txt"))
                .body("upload_timestamp", org.hamcrest.Matchers.endsWith("Z"));
        given().multiPart("file", "legacy.txt", SampleFiles.text(), "text/plain")
                .multiPart("contact_id", ContactServiceStandIn.CONTACT).multiPart("document_type", "report")
                .post("/documents/upload").then().statusCode(401).body("error", org.hamcrest.Matchers.notNullValue());
        given().header("X-API-Key", "test-search-key").get("/contacts/" + ContactServiceStandIn.CONTACT + "/documents")
                .then().statusCode(200).body("contact_id", equalTo(ContactServiceStandIn.CONTACT));
        given().header("X-API-Key", "test-search-key").get("/analytics/insights").then().statusCode(200)
                .body("processing_stats.pending", org.hamcrest.Matchers.notNullValue());
        given().get("/analytics/insights").then().statusCode(401).body("error", org.hamcrest.Matchers.notNullValue());
        given().get("/contacts/" + ContactServiceStandIn.CONTACT + "/documents").then().statusCode(401);
        admin().get("/analytics/insights").then().statusCode(200);
    }
}
