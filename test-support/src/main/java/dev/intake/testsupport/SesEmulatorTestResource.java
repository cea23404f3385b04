package dev.intake.testsupport;

import org.testcontainers.containers.wait.strategy.Wait;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SES emulator {@code aws-ses-v2-local} for a {@code @QuarkusTest}: it accepts SendEmail, SendRawEmail and v2
 * SendEmail, and shows what was sent at {@code GET <ses.endpoint>/store}.
 * <p>
 * Config key: {@code ses.endpoint}.
 * <p>
 * Environment: {@code TEST_SES_ENDPOINT} reuses a running emulator; otherwise a {@code node} container running the
 * emulator when Docker answers; otherwise {@code node} (on the PATH) runs {@code SES_EMULATOR_CLI}, else
 * {@code <repo>/tools/node_modules/aws-ses-v2-local/dist/cli.js}.
 */
public class SesEmulatorTestResource extends ServerResource {

    static final String IMAGE = "node:20-alpine";
    static final String PACKAGE = "aws-ses-v2-local@2.10.2";

    /** The server of the started SES emulator resource. */
    public static ThrowawayServer current() {
        return current(SesEmulatorTestResource.class);
    }

    @Override
    Optional<Running> reuse() {
        return Tools.env("TEST_SES_ENDPOINT").map(endpoint -> new Running(new ExternalServer(
                "ses-emulator (TEST_SES_ENDPOINT)", java.net.URI.create(endpoint).getPort(), () -> { }),
                config(endpoint)));
    }

    @Override
    Running container() {
        Containers.Started started = Containers.start("ses-emulator", IMAGE, 8005, Map.of(),
                Wait.forHttp("/store").forPort(8005), "npx", "-y", PACKAGE, "--host", "0.0.0.0", "--port", "8005");
        return new Running(started.server(), config(started.url()));
    }

    @Override
    Running startNative() {
        Path node = Tools.onPath("node").orElseThrow(() -> Tools.missing("node", "'node' on PATH"));
        Path cli = Tools.find("SES emulator (aws-ses-v2-local)", "SES_EMULATOR_CLI", null,
                "tools/node_modules/aws-ses-v2-local/dist/cli.js");
        int port = Net.freePort();
        String endpoint = Net.url(port);
        ProcessServer server = ProcessServer.start("ses-emulator", port, TempDirs.create("ses"), List.of(
                node.toString(), cli.toString(), "--host", Net.LOOPBACK, "--port", String.valueOf(port)),
                () -> Net.status(endpoint + "/store") == 200, true);
        return new Running(server, config(endpoint));
    }

    private static Map<String, String> config(String endpoint) {
        return Map.of("ses.endpoint", endpoint);
    }
}
