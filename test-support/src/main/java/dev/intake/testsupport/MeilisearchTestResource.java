package dev.intake.testsupport;

import org.testcontainers.containers.wait.strategy.Wait;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Meilisearch server for a {@code @QuarkusTest}, protected by a random master key.
 * <p>
 * Config keys: {@code meili.url}, {@code meili.api-key} (the master key).
 * <p>
 * Environment: {@code TEST_MEILI_URL} + {@code TEST_MEILI_KEY} reuse a running server; otherwise
 * {@code getmeili/meilisearch} when Docker answers; otherwise a native throwaway server from
 * {@code MEILISEARCH_BIN}, else {@code meilisearch} on the PATH, else {@code <repo>/.tools/bin/meilisearch}.
 */
public class MeilisearchTestResource extends ServerResource {

    static final String IMAGE = "getmeili/meilisearch:v1.21.0";

    /** The server of the started Meilisearch resource. */
    public static ThrowawayServer current() {
        return current(MeilisearchTestResource.class);
    }

    @Override
    Optional<Running> reuse() {
        return Tools.env("TEST_MEILI_URL").map(url -> {
            String key = Tools.env("TEST_MEILI_KEY").orElseThrow(
                    () -> new IllegalStateException("TEST_MEILI_URL is set, TEST_MEILI_KEY (its master key) is not"));
            return new Running(new ExternalServer("meilisearch (TEST_MEILI_URL)", java.net.URI.create(url).getPort(),
                    () -> { }), config(url, key));
        });
    }

    @Override
    Running container() {
        String key = Tools.secret(32);
        Containers.Started started = Containers.start("meilisearch", IMAGE, 7700,
                Map.of("MEILI_MASTER_KEY", key, "MEILI_NO_ANALYTICS", "true"), Wait.forHttp("/health").forPort(7700));
        return new Running(started.server(), config(started.url(), key));
    }

    @Override
    Running startNative() {
        Path binary = Tools.find("Meilisearch", "MEILISEARCH_BIN", "meilisearch", ".tools/bin/meilisearch");
        String key = Tools.secret(32);
        int port = Net.freePort();
        Path dir = TempDirs.create("meili");
        String url = Net.url(port);
        ProcessServer server = ProcessServer.start("meilisearch", port, dir, List.of(binary.toString(),
                "--db-path", dir.resolve("data.ms").toString(),
                "--dump-dir", dir.resolve("dumps").toString(),
                "--snapshot-dir", dir.resolve("snapshots").toString(),
                "--http-addr", Net.LOOPBACK + ":" + port,
                "--master-key", key,
                "--env", "development",
                "--no-analytics"),
                () -> Net.status(url + "/health") == 200, true);
        return new Running(server, config(url, key));
    }

    private static Map<String, String> config(String url, String key) {
        return Map.of("meili.url", url, "meili.api-key", key);
    }
}
