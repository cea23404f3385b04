package dev.intake.contact.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.client.BoundedBody;
import io.smallrye.mutiny.Uni;

/**
 * The platform's state as the old {@code GET /health} reports it: each dependency as its owning service's
 * readiness check sees it (no mail is sent, no paid API called), and the search index's statistics.
 */
@ApplicationScoped
public class PlatformHealth {

    public record DependencyStates(Map<String, String> services, JsonNode searchStats) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** A readiness summary or the search statistics: a few kilobytes. */
    private static final int MAX_ANSWER_BYTES = 64 * 1024;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final ObjectMapper json;
    private final String documentService;
    private final String searchService;
    private final String notificationService;
    private final String serviceToken;

    public PlatformHealth(ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-client.document-service.url") String documentService,
            @ConfigProperty(name = "intake.search-service-url") String searchService,
            @ConfigProperty(name = "intake.notification-service-url") String notificationService,
            @ConfigProperty(name = "intake.service-token") String serviceToken) {
        this.json = json;
        this.documentService = documentService;
        this.searchService = searchService;
        this.notificationService = notificationService;
        this.serviceToken = serviceToken;
    }

    public Uni<DependencyStates> check() {
        Uni<String> meili = readiness(searchService, "Meilisearch");
        Uni<String> minio = readiness(documentService, "Object storage bucket");
        Uni<String> ses = readiness(notificationService, "Amazon SES endpoint");
        Uni<JsonNode> stats = get(searchService + "/internal/search/stats").map(r -> r.statusCode() == 200 ? parse(r.body()) : null)
                .onFailure().recoverWithNull();
        return Uni.combine().all().unis(meili, minio, ses, stats).asTuple().map(t -> {
            Map<String, String> services = new LinkedHashMap<>();
            services.put("meilisearch", t.getItem1());
            services.put("minio", t.getItem2());
            services.put("ses", t.getItem3());
            return new DependencyStates(services, t.getItem4());
        });
    }

    /** "connected" when the owning service's named readiness check is UP; a word for anything else. */
    private Uni<String> readiness(String service, String check) {
        return get(service + "/q/health/ready").map(response -> {
            JsonNode body = parse(response.body());
            if (body == null) {
                return "unavailable";
            }
            for (JsonNode c : body.path("checks")) {
                if (check.equals(c.path("name").asText())) {
                    return "UP".equals(c.path("status").asText()) ? "connected" : "disconnected";
                }
            }
            return "unknown";
        }).onFailure().recoverWithItem("unreachable");
    }

    private Uni<HttpResponse<String>> get(String url) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("X-Service-Token", serviceToken).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, BoundedBody.ofString(MAX_ANSWER_BYTES)));
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
