package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MeilisearchTestResourceTest {

    @Test
    void answersWithTheMasterKeyOnlyAndKeepsIndexesOverARestart() throws Exception {
        ServerChecks.exercise(new MeilisearchTestResource(), MeilisearchTestResource::current, config -> {
            String url = config.get("meili.url");
            assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
            assertEquals(200, ServerChecks.send(ServerChecks.request(url + "/health")).statusCode());
            HttpResponse<String> version = ServerChecks.send(authorized(config, "/version"));
            assertEquals(200, version.statusCode());
            assertTrue(version.body().contains("\"pkgVersion\":\"1.21.0\""), version.body());
            assertEquals(401, ServerChecks.send(ServerChecks.request(url + "/version")).statusCode());
            assertEquals(403, ServerChecks.send(ServerChecks.request(url + "/version")
                    .header("Authorization", "Bearer wrong-key")).statusCode());

            HttpResponse<String> created = ServerChecks.send(authorized(config, "/indexes")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"uid\":\"documents\",\"primaryKey\":\"id\"}")));
            assertEquals(202, created.statusCode(), created.body());
            awaitIndex(config);
        }, config -> ServerChecks.answers(config.get("meili.url") + "/health"), config -> {
            assertEquals(200, ServerChecks.send(authorized(config, "/indexes/documents")).statusCode());
        });
    }

    private static HttpRequest.Builder authorized(Map<String, String> config, String path) {
        return ServerChecks.request(config.get("meili.url") + path)
                .header("Authorization", "Bearer " + config.get("meili.api-key"));
    }

    private static void awaitIndex(Map<String, String> config) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            if (ServerChecks.send(authorized(config, "/indexes/documents")).statusCode() == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("index not created");
    }
}
