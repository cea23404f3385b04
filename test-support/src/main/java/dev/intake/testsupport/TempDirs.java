package dev.intake.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/** Temporary directories of the throwaway servers. */
final class TempDirs {

    private TempDirs() {
    }

    /** A new directory under {@code java.io.tmpdir}, named {@code intake-<prefix>-...}. */
    static Path create(String prefix) {
        try {
            return Files.createTempDirectory("intake-" + prefix + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary directory", e);
        }
    }

    /** Deletes a directory tree; a missing one is fine. */
    static void delete(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    if (e instanceof NoSuchFileException) {
                        return FileVisitResult.CONTINUE;
                    }
                    throw e;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                    Files.deleteIfExists(d);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }

    /** Gives a directory tree to another user (the {@code postgres} account when the tests run as root). */
    static void chown(Path dir, String user) {
        try {
            UserPrincipal owner = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(user);
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths::iterator) {
                    Files.setOwner(path, owner);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot give " + dir + " to the user '" + user + "' (does it exist?)", e);
        }
    }

    /**
     * Lets other users pass through every parent of {@code dir} (execute bit only), so a server running as another
     * user can reach its directory. Fails when a parent is closed and owned by someone else.
     */
    static void makeParentsTraversable(Path dir) {
        for (Path p = dir.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            try {
                Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(p));
                if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    perms.add(PosixFilePermission.OTHERS_EXECUTE);
                    Files.setPosixFilePermissions(p, perms);
                }
            } catch (IOException | UnsupportedOperationException e) {
                throw new IllegalStateException(p + " cannot be made traversable for other users; set java.io.tmpdir"
                        + " to a directory they can reach (e.g. /tmp)", e);
            }
        }
    }
}
