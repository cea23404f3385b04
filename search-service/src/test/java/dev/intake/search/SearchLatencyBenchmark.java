package dev.intake.search;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.intake.search.client.MeiliGateway;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.ProcessedDocument;
import dev.intake.search.service.IndexEntries;
import dev.intake.testsupport.MeilisearchTestResource;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Search latency through the service vs the same query sent straight to Meilisearch, over a corpus
 * of synthetic documents, plus the time an event takes from arrival to searchable. Measures, never
 * asserts: {@code ./mvnw -pl search-service test -Dbenchmarks.excluded= -Dtest=SearchLatencyBenchmark
 * -Dbench.documents=100000}. Writes target/benchmarks/search-latency.txt.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(MeilisearchTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class SearchLatencyBenchmark {

    private static final int DOCUMENTS = Integer.getInteger("bench.documents", 5000);
    private static final int QUERIES = Integer.getInteger("bench.queries", 1000);
    private static final String[] TYPES = { "invoice", "contract", "report", "proposal", "presentation" };

    @Inject
    MeiliGateway meili;
    @Inject
    IndexEntries entries;
    @ConfigProperty(name = "meili.url")
    String meiliUrl;
    @ConfigProperty(name = "meili.api-key")
    String meiliKey;

    private final HttpClient http = HttpClient.newHttpClient();
    private final Random random = new Random(42);
    private final List<String> vocabulary = new ArrayList<>();

    @Test
    void searchLatencyThroughTheServiceVsDirect() throws Exception {
        for (int i = 0; i < 5000; i++) {
            vocabulary.add(word());
        }
        long loadStart = System.nanoTime();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < DOCUMENTS; i++) {
            batch.addAll(entries.of(document(), ContactFields.NONE));
            if (batch.size() >= 2000) {
                meili.addDocuments(meili.liveIndex(), batch);
                batch.clear();
            }
        }
        meili.addDocuments(meili.liveIndex(), batch);
        double loadSeconds = (System.nanoTime() - loadStart) / 1e9;

        List<Double> eventToSearchable = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            UUID id = UUID.randomUUID();
            ObjectNode payload = Events.document(id, UUID.randomUUID(), "bench.pdf", text(150));
            long start = System.nanoTime();
            Events.post("document.processed", payload).then().statusCode(200);
            eventToSearchable.add((System.nanoTime() - start) / 1e6);
        }

        List<String[]> queries = new ArrayList<>();
        for (int i = 0; i < QUERIES; i++) {
            String q = i % 3 == 0 ? vocabulary.get(random.nextInt(200)) + " " + vocabulary.get(random.nextInt(200))
                    : vocabulary.get(random.nextInt(vocabulary.size()));
            String type = i % 2 == 0 ? TYPES[random.nextInt(TYPES.length)] : null;
            queries.add(new String[] { q, type });
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString("admin:dev-only-admin-password".getBytes(StandardCharsets.UTF_8));
        for (int round = 0; round < 2; round++) {
            for (String[] q : queries.subList(0, 100)) {
                service(q, basic);
                direct(q);
            }
        }
        List<Double> viaService = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (String[] q : queries) {
            viaService.add(service(q, basic));
            direct.add(direct(q));
        }
        double ratio = median(viaService) / median(direct);
        List<Double> taskMillis = recentTaskDurations();
        String report = "Search latency, %d documents indexed in %.1f s (%s), %d queries each way%n".formatted(DOCUMENTS,
                loadSeconds, meili.stats(meili.liveIndex()).getNumberOfDocuments() + " entries", QUERIES)
                + line("through search-service (GET /api/v1/search)", viaService)
                + line("direct Meilisearch (same request)", direct)
                + "  overhead ratio (median service / median direct): %.2f%n".formatted(ratio)
                + line("event POST -> acknowledged and searchable", eventToSearchable)
                + line("of which Meilisearch task processing (last 50)", taskMillis);
        System.out.println(report);
        Path out = Path.of("target", "benchmarks", "search-latency.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
    }

    /** How long Meilisearch itself took for the most recent document additions (enqueued to finished). */
    private List<Double> recentTaskDurations() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(meiliUrl
                + "/tasks?limit=50&types=documentAdditionOrUpdate&statuses=succeeded"))
                .header("Authorization", "Bearer " + meiliKey).GET().build();
        com.fasterxml.jackson.databind.JsonNode tasks = Events.JSON.readTree(
                http.send(request, HttpResponse.BodyHandlers.ofString()).body());
        List<Double> millis = new ArrayList<>();
        tasks.path("results").forEach(task -> millis.add(java.time.Duration.between(
                java.time.Instant.parse(task.path("enqueuedAt").asText()),
                java.time.Instant.parse(task.path("finishedAt").asText())).toNanos() / 1e6));
        return millis;
    }

    private double service(String[] q, String basic) throws Exception {
        String url = "http://127.0.0.1:" + RestAssured.port + "/api/v1/search?q=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8)
                + "&facets=documentType,status" + (q[1] == null ? "" : "&documentType=" + q[1]);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic).GET().build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("service answered " + response.statusCode());
        }
        return ms;
    }

    private double direct(String[] q) throws Exception {
        ObjectNode body = Events.JSON.createObjectNode();
        body.put("q", q[0]).put("page", 1).put("hitsPerPage", 20).put("cropLength", 30)
                .put("highlightPreTag", "\uE000").put("highlightPostTag", "\uE001");
        body.putArray("attributesToRetrieve").add("documentId").add("contactId").add("filename").add("title")
                .add("documentType").add("status").add("fileExtension").add("language").add("size").add("uploadedAt")
                .add("processedAt").add("contactName").add("contactCompany").add("tags");
        body.putArray("attributesToHighlight").add("text").add("title").add("filename").add("description")
                .add("contactName").add("contactCompany");
        body.putArray("attributesToCrop").add("text").add("description");
        body.putArray("facets").add("documentType").add("status");
        if (q[1] != null) {
            body.putArray("filter").add("documentType IN [\"" + q[1] + "\"]");
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(meiliUrl + "/indexes/" + meili.liveIndex() + "/search"))
                .header("Authorization", "Bearer " + meiliKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - start) / 1e6;
        if (response.statusCode() != 200) {
            throw new IllegalStateException("meilisearch answered " + response.statusCode());
        }
        return ms;
    }

    private ProcessedDocument document() {
        java.time.Instant uploaded = java.time.Instant.parse("2026-01-01T00:00:00Z").plusSeconds(random.nextInt(30_000_000));
        return new ProcessedDocument(UUID.randomUUID(), UUID.randomUUID(), word() + ".pdf", TYPES[random.nextInt(TYPES.length)],
                text(12), List.of(word()), "application/pdf", "pdf", (long) random.nextInt(5_000_000),
                random.nextInt(20) == 0 ? "FAILED" : "COMPLETED", uploaded, uploaded.plusSeconds(5), "en", text(5), null,
                1, 300, List.of(word(), word()), null, text(300));
    }

    private String text(int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            // a Zipf-like skew: a few common words, a long tail
            int rank = (int) Math.min(vocabulary.size() - 1, Math.floor(Math.pow(random.nextDouble(), 3) * vocabulary.size()));
            text.append(vocabulary.isEmpty() ? word() : vocabulary.get(rank)).append(i % 15 == 14 ? ". " : " ");
        }
        return text.toString();
    }

    private String word() {
        int length = 4 + random.nextInt(7);
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < length; i++) {
            word.append((char) ('a' + random.nextInt(26)));
        }
        return word.toString();
    }

    private static double median(List<Double> values) {
        return percentile(values.stream().sorted().toList(), 0.5);
    }

    private static String line(String what, List<Double> millis) {
        List<Double> sorted = millis.stream().sorted().toList();
        return "  %-46s p50 %7.2f ms   p99 %7.2f ms   max %7.2f ms%n".formatted(what, percentile(sorted, 0.50),
                percentile(sorted, 0.99), sorted.get(sorted.size() - 1));
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(p * sorted.size()) - 1)));
    }
}
