package dev.intake.testsupport;

import org.testcontainers.containers.wait.strategy.Wait;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An Apache Tika server (tika-server-standard 3.2.2) for a {@code @QuarkusTest}: the parent (watchdog) process
 * with its forked, heap-capped parsing child, as {@code scripts/up} runs it, with the repository's
 * {@code deploy/tika/tika-config.xml}. {@link ThrowawayServer#stop()} ends both; {@link #child()} finds the child,
 * for a test that kills it as an out-of-memory death would.
 * <p>
 * Config key: {@code tika.url}.
 * <p>
 * Environment: {@code TEST_TIKA_URL} reuses a running server; otherwise {@code apache/tika} when Docker answers;
 * otherwise the jar from {@code TIKA_SERVER_JAR}, else {@code <repo>/.tools/tika/tika-server.jar} (installed by
 * {@code scripts/deps}), run with this JVM's {@code java}.
 */
public class TikaTestResource extends ServerResource {

    static final String IMAGE = "apache/tika:3.2.2.0-full";
    static final String CONFIG = "deploy/tika/tika-config.xml";

    /** The server of the started Tika resource. */
    public static ThrowawayServer current() {
        return current(TikaTestResource.class);
    }

    /** The forked child that parses (a descendant of the native server's process), when it runs. */
    public static Optional<ProcessHandle> child() {
        ThrowawayServer server = current();
        if (!(server instanceof NativeServer nativeServer)) {
            return Optional.empty();
        }
        return nativeServer.process().flatMap(parent -> parent.descendants()
                .filter(p -> p.info().commandLine().orElse("").contains("TikaServerProcess"))
                .findFirst());
    }

    @Override
    Optional<Running> reuse() {
        return Tools.env("TEST_TIKA_URL").map(url -> new Running(new ExternalServer("tika (TEST_TIKA_URL)",
                java.net.URI.create(url).getPort(), () -> { }), Map.of("tika.url", url)));
    }

    @Override
    Running container() {
        Containers.Started started = Containers.start("tika", IMAGE, 9998, Map.of(),
                Wait.forHttp("/version").forPort(9998));
        return new Running(started.server(), Map.of("tika.url", started.url()));
    }

    @Override
    Running startNative() {
        Path jar = Tools.find("Apache Tika server", "TIKA_SERVER_JAR", null, ".tools/tika/tika-server.jar");
        Path config = Tools.repoRoot().map(root -> root.resolve(CONFIG)).filter(Files::isRegularFile)
                .orElseThrow(() -> Tools.missing("Tika's configuration", "<repo>/" + CONFIG));
        int port = Net.freePort();
        String url = Net.url(port);
        Path dir = TempDirs.create("tika");
        ProcessServer server = ProcessServer.start("tika", port, dir, List.of(Tools.javaBinary().toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Djava.io.tmpdir=" + dir,
                "-jar", jar.toString(), "-h", Net.LOOPBACK, "-p", String.valueOf(port), "-c", config.toString()),
                () -> Net.status(url + "/version") == 200, false); // nothing to keep: killed at once
        return new Running(server, Map.of("tika.url", url));
    }
}
