package dev.intake.document.rest;

import static dev.intake.document.rest.Uploads.admin;
import static dev.intake.document.rest.Uploads.processed;
import static dev.intake.document.rest.Uploads.stored;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.intake.document.config.StorageConfig;
import dev.intake.testsupport.InjectServer;
import dev.intake.testsupport.PostgresTestResource;
import dev.intake.testsupport.S3TestResource;
import dev.intake.testsupport.ThrowawayServer;
import dev.intake.testsupport.TikaTestResource;
import io.minio.MinioClient;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The extractor failing under the service: a file that kills Tika's parsing child (out of memory) on every
 * attempt, and Tika away altogether. Three attempts, and no HTML cap below the bomb, so that it reaches Tika.
 */
@QuarkusTest
@TestProfile(ExtractorFaultsTest.Faults.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(S3TestResource.class)
@WithTestResource(ContactServiceStandIn.class)
@WithTestResource(TikaTestResource.class)
class ExtractorFaultsTest {

    public static class Faults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("intake.document.processing.max-attempts", "3",
                    "intake.document.processing.max-input-bytes.html", String.valueOf(64L * 1024 * 1024),
                    // the child takes a few seconds to come back after it died
                    "intake.document.extractor.restart-wait", "20S");
        }
    }

    @Inject
    Pool pool;

    @Inject
    MinioClient storage;

    @Inject
    StorageConfig storageConfig;

    @InjectServer(TikaTestResource.class)
    ThrowawayServer tika;

    private Row row(String id) {
        return pool.preparedQuery("SELECT status, attempts, failure_reason FROM document WHERE id = $1")
                .executeAndAwait(Tuple.of(UUID.fromString(id))).iterator().next();
    }

    @Test
    void aFileThatKillsTheExtractorEndsFailedAndTheServiceGoesOn() throws Exception {
        DirectDocuments.ParagraphHtml page = DirectDocuments.ParagraphHtml.ofAbout(45L * 1024 * 1024);
        String id = DirectDocuments.store(storage, storageConfig.bucket(), pool, "bomb.html", "text/html", page,
                page.size());
        Map<String, Long> peakKb = new ConcurrentHashMap<>();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> sampleRss(peakKb, sampling), "tika-rss");
        sampler.start();
        try {
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "FAILED".equals(row(id).getString(0)));
        } finally {
            sampling.set(false);
            sampler.join();
        }
        System.out.println("[tika-rss] peak resident memory under the 45 MB <p> page (KiB): " + peakKb);
        Row failed = row(id);
        String reason = failed.getString(2);
        assertTrue(reason.contains("stopped while it read the file") && reason.contains("gave up after 3 attempts"),
                reason);
        assertEquals(3, failed.getInteger(1));

        RestAssured.given().get("/q/health/live").then().statusCode(200);
        RestAssured.given().get("/q/health/ready").then().statusCode(200);
        String next = stored("after-bomb.txt", SampleFiles.text(), "text/plain");
        JsonPath detail = processed(next);
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
    }

    @Test
    void aDocumentWaitsWhileTheExtractorIsAwayAndIsExtractedWhenItIsBack() {
        tika.stop();
        String id;
        try {
            id = stored("while-away.txt", SampleFiles.text(), "text/plain");
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        Row r = row(id);
                        return "PENDING".equals(r.getString(0)) && r.getInteger(1) >= 1 && r.getString(2) != null;
                    });
            assertTrue(row(id).getString(2).contains("unreachable"), row(id).getString(2));
            // the extractor's absence shows in wellness; the service stays ready, since uploads are kept
            RestAssured.given().get("/q/health/well").then().statusCode(503)
                    .body("checks.find { it.name.startsWith('Text extractor') }.status", org.hamcrest.Matchers.equalTo("DOWN"));
            RestAssured.given().get("/q/health/ready").then().statusCode(200);
        } finally {
            tika.start();
        }
        JsonPath detail = processed(id);
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
        assertTrue(row(id).getInteger(1) >= 2, "extracted on a later attempt");
        RestAssured.given().get("/q/health/well").then().statusCode(200);
        admin().get("/api/v1/documents/" + id).then().statusCode(200);
    }

    @Test
    void aChildKilledMidDocumentIsRestartedAndTheDocumentRetried() throws Exception {
        // a scanned page keeps the child busy with OCR for a moment: long enough to kill it mid-document
        String id = stored("scan.pdf", SampleFiles.scannedPdf("INVOICE NUMBER 4711 FOR ENGINES"), "application/pdf");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                .until(() -> !"PENDING".equals(row(id).getString(0)));
        Optional<ProcessHandle> child = TikaTestResource.child();
        child.ifPresent(ProcessHandle::destroyForcibly);
        JsonPath detail = processed(id);
        assertEquals("COMPLETED", detail.getString("document.status"), detail.prettify());
        assertTrue(child.isPresent(), "the native Tika server has a forked child");
    }

    /** Peak VmRSS of the Tika server's processes (watchdog parent, parsing child), sampled every 200 ms. */
    private static void sampleRss(Map<String, Long> peakKb, AtomicBoolean sampling) {
        while (sampling.get()) {
            Optional<ProcessHandle> child = TikaTestResource.child();
            child.flatMap(ProcessHandle::parent).ifPresent(p -> record(peakKb, "parent", p.pid()));
            child.ifPresent(c -> record(peakKb, "child", c.pid()));
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static void record(Map<String, Long> peakKb, String name, long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    long kb = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    peakKb.merge(name, kb, Math::max);
                }
            }
        } catch (Exception e) {
            // the process ended between two samples
        }
    }
}
