package dev.intake.contact.service;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.client.PeerClient;
import dev.intake.platform.event.ServiceTokens;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;

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

    private final PeerClient http;
    private final ObjectMapper json;
    private final String documentService;
    private final String searchService;
    private final String notificationService;
    private final String searchServiceToken;

    public PlatformHealth(Vertx vertx, ObjectMapper json,
            @ConfigProperty(name = "quarkus.rest-client.document-service.url") String documentService,
            @ConfigProperty(name = "intake.search-service-url") String searchService,
            @ConfigProperty(name = "intake.notification-service-url") String notificationService,
            @ConfigProperty(name = "intake.search-service-token") String searchServiceToken) {
        this.http = new PeerClient(vertx, 4, TIMEOUT);
        this.json = json;
        this.documentService = documentService;
        this.searchService = searchService;
        this.notificationService = notificationService;
        this.searchServiceToken = searchServiceToken;
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public Uni<DependencyStates> check() {
        Uni<String> meili = readiness(searchService, "Meilisearch");
        Uni<String> minio = readiness(documentService, "Object storage bucket");
        Uni<String> ses = readiness(notificationService, "Amazon SES endpoint");
        Uni<JsonNode> stats = get(searchService + "/internal/search/stats", Map.of(ServiceTokens.HEADER, searchServiceToken))
                .map(r -> r.status() == 200 ? parse(r.text()) : null)
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
        // readiness is open inside the network (the edge hides /q): no token of a pair travels where none is needed
        return get(service + "/q/health/ready", Map.of()).map(response -> {
            JsonNode body = parse(response.text());
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

    private Uni<PeerClient.Answer> get(String url, Map<String, String> headers) {
        return http.send(HttpMethod.GET, URI.create(url), headers, null, TIMEOUT,
                MAX_ANSWER_BYTES);
    }

    private JsonNode parse(String text) {
        try {
            return json.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
