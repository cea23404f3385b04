package dev.intake.search.client;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.event.ServiceTokens;
import dev.intake.search.model.ProcessedDocument;

/** document-service's internal read API ({@code GET /internal/documents}, the search→document token), for rebuilds. */
@ApplicationScoped
public class DocumentServiceClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String baseUrl;
    private final String serviceToken;
    private final ObjectMapper json;

    public DocumentServiceClient(@ConfigProperty(name = "intake.document-service-url") String baseUrl,
            @ConfigProperty(name = "intake.document-service-token") String serviceToken, ObjectMapper json) {
        this.baseUrl = baseUrl.replaceAll("/+$", "");
        this.serviceToken = serviceToken;
        this.json = json;
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Page(List<ProcessedDocument> items, UUID next) {
    }

    /** Processed documents in id order after {@code after} (null: from the start). */
    public Page page(UUID after, int limit) throws IOException, InterruptedException {
        String query = "limit=" + limit + (after == null ? "" : "&after=" + URLEncoder.encode(after.toString(), StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/internal/documents?" + query))
                .timeout(TIMEOUT)
                .header(ServiceTokens.HEADER, serviceToken)
                .header("Accept", "application/json")
                .GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IOException("document-service answered " + response.statusCode());
        }
        Page page = json.readValue(response.body(), Page.class);
        return new Page(page.items() == null ? List.of() : page.items(), page.next());
    }
}
