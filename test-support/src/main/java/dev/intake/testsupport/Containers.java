package dev.intake.testsupport;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.WaitStrategy;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The Testcontainers path, taken when a Docker engine answers (or {@code TEST_SERVERS=docker}). */
final class Containers {

    private static Boolean useDocker;

    private Containers() {
    }

    /** {@code TEST_SERVERS}: {@code native}, {@code docker}, or {@code auto} (the default: Docker when it answers). */
    static synchronized boolean useDocker() {
        if (useDocker == null) {
            String mode = Tools.env("TEST_SERVERS").orElse("auto");
            switch (mode) {
                case "native":
                    useDocker = false;
                    break;
                case "docker":
                    useDocker = true;
                    break;
                case "auto":
                    useDocker = dockerAnswers();
                    break;
                default:
                    throw new IllegalStateException("TEST_SERVERS must be native, docker or auto, not " + mode);
            }
        }
        return useDocker;
    }

    private static boolean dockerAnswers() {
        if (!dockerConfigured()) {
            return false; // spares Testcontainers' error log about a missing Docker environment
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    /** Whether a Docker engine could be there at all: DOCKER_HOST, Testcontainers' settings, or a known socket. */
    private static boolean dockerConfigured() {
        String home = System.getProperty("user.home");
        List<String> places = new ArrayList<>(List.of("/var/run/docker.sock", home + "/.testcontainers.properties",
                home + "/.docker/run/docker.sock", home + "/.docker/desktop/docker.sock",
                home + "/.colima/default/docker.sock", home + "/.rd/docker.sock"));
        Tools.env("XDG_RUNTIME_DIR").ifPresent(dir -> places.add(dir + "/docker.sock"));
        return Tools.env("DOCKER_HOST").isPresent() || places.stream().anyMatch(p -> Files.exists(Paths.get(p)));
    }

    /** A started container, as a server whose close() removes the container. */
    static Started start(String name, String image, int containerPort, Map<String, String> env, WaitStrategy ready,
            String... command) {
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(image))
                .withExposedPorts(containerPort)
                .withEnv(env)
                .waitingFor(ready.withStartupTimeout(Tools.startTimeout()));
        if (command.length > 0) {
            container.withCommand(command);
        }
        container.start();
        int port = container.getMappedPort(containerPort);
        return new Started(new ExternalServer(name + " (container " + image + ")", port, container::stop),
                container.getHost(), port);
    }

    /** Where a started container answers. */
    record Started(ExternalServer server, String host, int port) {
        String url() {
            return "http://" + host + ":" + port;
        }
    }
}
