package dev.intake.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Environment, repository root and tool lookup shared by the resources. */
final class Tools {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private Tools() {
    }

    /** An environment variable, or a system property of the same name; blank counts as unset. */
    static Optional<String> env(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            value = System.getProperty(name);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** How long a server may take to answer after its start (env {@code TEST_SERVER_START_TIMEOUT}, seconds). */
    static Duration startTimeout() {
        return Duration.ofSeconds(Long.parseLong(env("TEST_SERVER_START_TIMEOUT").orElse("120")));
    }

    /**
     * The repository root: the first directory up from {@code user.dir} that holds {@code scripts/deps}, or
     * {@code mvnw} next to {@code test-support}.
     */
    static Optional<Path> repoRoot() {
        Path start = Paths.get(System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("scripts/deps"))
                    || (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("test-support")))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }

    /**
     * Finds a tool: the path in {@code envVar}, else {@code command} on the PATH (when not null), else
     * {@code repoRelative} under the repository root. Fails with a message that says how to install it.
     */
    static Path find(String what, String envVar, String command, String repoRelative) {
        Optional<String> fromEnv = env(envVar);
        if (fromEnv.isPresent()) {
            Path path = Paths.get(fromEnv.get());
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(envVar + "=" + path + " does not name a file (" + what + ")");
            }
            return path;
        }
        List<String> looked = new ArrayList<>(List.of(envVar));
        if (command != null) {
            Optional<Path> found = onPath(command);
            if (found.isPresent()) {
                return found.get();
            }
            looked.add("'" + command + "' on PATH");
        }
        Optional<Path> root = repoRoot();
        if (root.isPresent() && Files.isRegularFile(root.get().resolve(repoRelative))) {
            return root.get().resolve(repoRelative);
        }
        looked.add(root.map(r -> r.resolve(repoRelative).toString()).orElse(
                "<repo>/" + repoRelative + " (no repository root above " + System.getProperty("user.dir") + ")"));
        throw missing(what, String.join(", ", looked));
    }

    static IllegalStateException missing(String what, String looked) {
        return new IllegalStateException(what + " not found (looked at " + looked + "). Run ./scripts/deps in the"
                + " repository root to install the native test servers, or point the TEST_* variables at running"
                + " servers, or run the tests where a Docker engine answers.");
    }

    static Optional<Path> onPath(String command) {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Paths.get(dir.isEmpty() ? "." : dir, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** The {@code java} launcher of the running JVM. */
    static Path javaBinary() {
        return ProcessHandle.current().info().command().map(Paths::get).filter(Files::isExecutable)
                .orElseGet(() -> Paths.get(System.getProperty("java.home"), "bin", "java"));
    }

    static boolean isRoot() {
        try {
            return new com.sun.security.auth.module.UnixSystem().getUid() == 0;
        } catch (LinkageError | RuntimeException e) {
            return "root".equals(System.getProperty("user.name"));
        }
    }

    /** A random string of letters and digits (passwords, keys, names). */
    static String secret(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(RANDOM.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    /** A random lower-case suffix for names of databases and buckets. */
    static String suffix() {
        return secret(10).toLowerCase(java.util.Locale.ROOT);
    }
}
