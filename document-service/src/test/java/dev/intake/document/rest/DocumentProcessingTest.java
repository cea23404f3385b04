package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static dev.intake.document.rest.Uploads.assertStored;
import static dev.intake.document.rest.Uploads.processed;
import static dev.intake.document.rest.Uploads.stored;
import static dev.intake.document.rest.Uploads.upload;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import dev.intake.testsupport.TikaTestResource;
import dev.intake.document.config.StorageConfig;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
@WithTestResource(TikaTestResource.class)
class DocumentProcessingTest {

    @Inject
    Pool pool;

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    private static void assertExtracted(JsonPath detail, String expectedWord) {
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
        List<String> keywords = detail.getList("insights.keywords");
        assertTrue(keywords.contains(expectedWord), "keywords " + keywords);
        assertTrue(detail.getInt("insights.wordCount") > 5, detail.prettify());
    }

    @Test
    void textFilesYieldTextAndInsights() {
        JsonPath detail = processed(stored("invoice.txt", SampleFiles.text(), "text/plain"));
        assertExtracted(detail, "invoice");
        assertEquals("en", detail.getString("insights.language"));
        assertTrue(detail.getList("insights.entities.emails").contains("billing@engines.example"), detail.prettify());
        assertTrue(detail.getList("insights.entities.phones").contains("+16502530000"), detail.prettify());
        assertTrue(detail.getString("insights.summary").contains("invoice"), detail.prettify());
    }

    @Test
    void officeAndPdfFilesAreExtracted() throws Exception {
        assertExtracted(processed(stored("q.pdf", SampleFiles.pdf(SampleFiles.SENTENCE), "application/pdf")), "invoice");
        assertExtracted(processed(stored("q.docx", SampleFiles.docx(SampleFiles.SENTENCE),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document")), "invoice");
        assertExtracted(processed(stored("q.xlsx", SampleFiles.xlsx(SampleFiles.SENTENCE),
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")), "invoice");
        assertExtracted(processed(stored("q.pptx", SampleFiles.pptx(SampleFiles.SENTENCE),
                "application/vnd.openxmlformats-officedocument.presentationml.presentation")), "invoice");
    }

    @Test
    void structuredTextFormatsAreExtracted() {
        assertExtracted(processed(stored("q.csv", ("item,amount\ninvoice analytical engines,1200\ninvoice engines support,300\n"
                + "invoice engines spare parts,80\n").getBytes(StandardCharsets.UTF_8), "text/csv")), "invoice");
        assertExtracted(processed(stored("q.json", ("{\"title\":\"invoice\",\"lines\":[\"invoice for analytical engines\","
                + "\"invoice for spare parts and support\"]}").getBytes(StandardCharsets.UTF_8), "application/json")), "invoice");
        assertExtracted(processed(stored("q.html", ("<html><head><title>Invoice</title></head><body><p>" + SampleFiles.SENTENCE
                + "</p><script>var secret = 1;</script></body></html>").getBytes(StandardCharsets.UTF_8), "text/html")),
                "invoice");
    }

    @Test
    void imagesWithTextAreReadByOcr() throws Exception {
        JsonPath detail = processed(stored("scan.png", SampleFiles.png("INVOICE NUMBER 4711 FOR ENGINES"), "image/png"));
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
        String text = pool.preparedQuery("SELECT extracted_text FROM document WHERE id = $1")
                .executeAndAwait(Tuple.of(java.util.UUID.fromString(detail.getString("document.id")))).iterator().next()
                .getString(0);
        // scripts/deps installs Tesseract, so OCR must have run
        assertEquals("applied", detail.getString("insights.ocr"), detail.prettify());
        assertTrue(text.toUpperCase().contains("INVOICE"), text);
    }

    @Test
    void hostileAndBrokenFilesFailWithAReason() throws Exception {
        JsonPath encrypted = processed(stored("secret.pdf", SampleFiles.encryptedPdf(SampleFiles.SENTENCE), "application/pdf"));
        assertEquals("FAILED", encrypted.getString("document.status"));
        assertTrue(encrypted.getString("document.failureReason").contains("encrypted"), encrypted.prettify());

        JsonPath broken = processed(stored("broken.pdf", "%PDF-1.7\n1 0 obj << /Type /Catalog >>\nthis is not a pdf"
                .getBytes(StandardCharsets.UTF_8), "application/pdf"));
        assertEquals("FAILED", broken.getString("document.status"));
        assertTrue(broken.getString("document.failureReason").contains("could not be parsed"), broken.prettify());

        JsonPath tooLong = processed(stored("long.pdf", SampleFiles.pdfWithPages(SampleFiles.SENTENCE, 6), "application/pdf"));
        assertEquals("FAILED", tooLong.getString("document.status"));
        assertTrue(tooLong.getString("document.failureReason").contains("6 pages"), tooLong.prettify());
        assertExtracted(processed(stored("five.pdf", SampleFiles.pdfWithPages(SampleFiles.SENTENCE, 5), "application/pdf")),
                "invoice");

        var bomb = upload("bomb.docx", SampleFiles.zipBombDocx(),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document").extract();
        if (bomb.statusCode() == 201) {
            JsonPath result = processed(bomb.path("id"));
            assertEquals("FAILED", result.getString("document.status"), result.prettify());
        } else {
            assertEquals(415, bomb.statusCode(), bomb.asString());
        }
    }

    @Test
    void aScannedPdfIsReadByOcr() throws Exception {
        JsonPath detail = processed(stored("scanned.pdf", SampleFiles.scannedPdf("INVOICE NUMBER 4711 FOR ENGINES"),
                "application/pdf"));
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
        String text = pool.preparedQuery("SELECT extracted_text FROM document WHERE id = $1")
                .executeAndAwait(Tuple.of(java.util.UUID.fromString(detail.getString("document.id")))).iterator().next()
                .getString(0);
        assertTrue(text.toUpperCase().contains("INVOICE"), "OCR of the page image found: " + text);
    }

    @Test
    void aDeletedContactsDocumentsAndFilesGoAndNoLaterUploadIsStoredForIt() {
        String contact = ContactServiceStandIn.contact(800);
        String id = Uploads.uploadFor(contact, "erase.txt", SampleFiles.text()).statusCode(201).extract().path("id");
        processed(id);
        io.restassured.RestAssured.given().contentType("application/json").header("X-Service-Token", "dev-only-contact-to-document-token")
                .body("""
                        {"eventId":"%s","type":"contact.deleted","version":1,"occurredAt":"2026-12-01T12:00:00Z",
                         "payload":{"contactId":"%s"}}""".formatted(java.util.UUID.randomUUID(), contact))
                .post("/internal/events").then().statusCode(200);
        admin().get("/api/v1/documents/" + id).then().statusCode(404);
        // contact-service (the stand-in) still says yes to the token, as it would for an upload authorised just
        // before the erasure: the erased contact is refused at the insert, and its object removed
        Uploads.uploadFor(contact, "late.txt", SampleFiles.text()).statusCode(404);
        assertStored(storage, storageConfig.bucket(), contact, 0);
    }

    @Test
    void backlogGaugesAreExported() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(15)).untilAsserted(() ->
                io.restassured.RestAssured.given().get("/q/metrics").then()
                        .body(org.hamcrest.Matchers.containsString("document_pending "))
                        .body(org.hamcrest.Matchers.containsString("document_oldest_pending_age_seconds "))
                        .body(org.hamcrest.Matchers.containsString("document_uploads_total{outcome=\"stored\"}")));
    }

    @Test
    void processingEmitsTheEventWithTheTextAndReprocessingRunsAgain() {
        String id = stored("again.txt", SampleFiles.text(), "text/plain");
        processed(id);
        var row = pool.preparedQuery("SELECT payload->>'status', payload->>'text', payload->>'fileExtension' FROM outbox_event"
                + " WHERE aggregate_id = $1 AND type = 'document.processed'").executeAndAwait(Tuple.of(id)).iterator().next();
        assertEquals("COMPLETED", row.getString(0));
        assertTrue(row.getString(1).contains("Quarterly invoice"));
        assertEquals("txt", row.getString(2));

        admin().post("/api/v1/documents/" + id + "/reprocess").then().statusCode(200);
        processed(id);
        long events = pool.preparedQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = $1 AND type = 'document.processed'")
                .executeAndAwait(Tuple.of(id)).iterator().next().getLong(0);
        assertEquals(2, events);
    }

    @Test
    void aDocumentWhoseWorkersAllDiedEndsFailedWithItsEvent() {
        String id = stored("crashing.txt", SampleFiles.text(), "text/plain");
        processed(id);
        // as after five workers that each claimed the document and died holding it (the JVM killed mid-item)
        pool.preparedQuery("""
                UPDATE document SET status = 'PROCESSING', attempts = 5, claimed_until = now() - interval '1 second',
                       next_attempt_at = now() WHERE id = $1::uuid
                """).executeAndAwait(Tuple.of(id));

        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> "FAILED".equals(
                pool.preparedQuery("SELECT status FROM document WHERE id = $1::uuid").executeAndAwait(Tuple.of(id))
                        .iterator().next().getString(0)));
        var row = pool.preparedQuery("SELECT failure_reason, attempts, claimed_until FROM document WHERE id = $1::uuid")
                .executeAndAwait(Tuple.of(id)).iterator().next();
        assertTrue(row.getString(0).contains("gave up after 5 attempts"), row.getString(0));
        assertEquals(6, row.getInteger(1), "the sixth claim counted, found the attempts used up and ran nothing");
        assertEquals(null, row.getValue(2));
        var event = pool.preparedQuery("""
                SELECT payload->>'status', payload->>'failureReason' FROM outbox_event
                WHERE aggregate_id = $1 AND type = 'document.processed' ORDER BY seq DESC LIMIT 1
                """).executeAndAwait(Tuple.of(id)).iterator().next();
        assertEquals("FAILED", event.getString(0), "search and contact hear of the end");
        assertTrue(event.getString(1).contains("worker lost"), event.getString(1));
    }

    @Test
    void aHugeHtmlPageEndsFailedByItsCapAndTheNextDocumentIsProcessed() throws Exception {
        // 45 MB of <p>: a DOM that would need gigabytes; the cap (10 MB) refuses it before Tika sees a byte
        DirectDocuments.ParagraphHtml page = DirectDocuments.ParagraphHtml.ofAbout(45L * 1024 * 1024);
        String id = DirectDocuments.store(storage, storageConfig.bucket(), pool, "bomb.html", "text/html", page,
                page.size());
        JsonPath detail = processed(id);
        assertEquals("FAILED", detail.getString("document.status"), detail.prettify());
        String reason = detail.getString("document.failureReason");
        assertTrue(reason.contains("HTML files over 10.0 MB") && reason.contains("max-input-bytes.html"), reason);

        io.restassured.RestAssured.given().get("/q/health/live").then().statusCode(200);
        assertExtracted(processed(stored("after.txt", SampleFiles.text(), "text/plain")), "invoice");
    }

    @Test
    void aTypeThatIsNotAcceptedEndsFailedWithItsReason() throws Exception {
        byte[] program = SampleFiles.executable();
        String id = DirectDocuments.store(storage, storageConfig.bucket(), pool, "tool.exe", "application/x-msdownload",
                new java.io.ByteArrayInputStream(program), program.length);
        JsonPath detail = processed(id);
        assertEquals("FAILED", detail.getString("document.status"), detail.prettify());
        assertTrue(detail.getString("document.failureReason").contains("application/x-msdownload are not extracted"),
                detail.prettify());
    }
}
