package dev.intake.platform.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * A bounded GET against a dependency for readiness checks: it never waits longer than its timeout and
 * reports the status code or the failure's class, never a message that could carry a secret.
 */
public final class HttpProbe {

    private final HttpClient client;
    private final Duration timeout;

    public HttpProbe(Duration timeout) {
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** UP when {@code acceptable} says so for the status code; DOWN with the status or failure otherwise. */
    public HealthCheckResponse check(String name, URI uri, Map<String, String> headers,
            java.util.function.IntPredicate acceptable) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name).withData("url", redacted(uri));
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout).GET();
            headers.forEach(request::header);
            int status = client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            response.withData("status", status);
            return acceptable.test(status) ? response.up().build() : response.down().build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().withData("reason", "interrupted").build();
        } catch (IOException | RuntimeException e) {
            return response.down().withData("reason", e.getClass().getSimpleName()).build();
        }
    }

    private static String redacted(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() > 0 ? ":" + uri.getPort() : "") + uri.getPath();
    }
}
