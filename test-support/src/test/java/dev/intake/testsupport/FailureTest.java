package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FailureTest {

    @AfterEach
    void clearVariables() {
        System.clearProperty("MEILISEARCH_BIN");
    }

    @Test
    void aMissingToolSaysToRunScriptsDeps() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tools.find("Frobnicator", "TEST_SUPPORT_NO_SUCH_VARIABLE", null, "no/such/tool"));
        assertTrue(e.getMessage().contains("./scripts/deps"), e.getMessage());
        assertTrue(e.getMessage().contains("TEST_SUPPORT_NO_SUCH_VARIABLE"), e.getMessage());
        Path root = Tools.repoRoot().orElseThrow();
        assertTrue(e.getMessage().contains(root.resolve("no/such/tool").toString()), e.getMessage());
    }

    @Test
    void aServerThatDiesAtStartShowsItsLogAndLeavesNothingBehind(@TempDir Path scratch) throws IOException {
        Path fake = scratch.resolve("meilisearch");
        Files.writeString(fake, "#!/bin/sh\necho \"fake server cannot start: $*\" >&2\nexit 3\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwx------"));
        System.setProperty("MEILISEARCH_BIN", fake.toString());
        long before = meiliDirs();

        MeilisearchTestResource resource = new MeilisearchTestResource();
        IllegalStateException e = assertThrows(IllegalStateException.class, resource::start);

        assertTrue(e.getMessage().contains("exited before it was ready"), e.getMessage());
        assertTrue(e.getMessage().contains("fake server cannot start: --db-path"), e.getMessage());
        assertEquals(before, meiliDirs(), "the temporary directory is deleted");
        assertThrows(IllegalStateException.class, resource::server);
        resource.stop();
    }

    private static long meiliDirs() throws IOException {
        try (Stream<Path> dirs = Files.list(Paths.get(System.getProperty("java.io.tmpdir")))) {
            return dirs.filter(d -> d.getFileName().toString().startsWith("intake-meili-")).count();
        }
    }
}
