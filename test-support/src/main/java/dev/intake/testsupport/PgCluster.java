package dev.intake.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster: initdb into a temporary directory, a server on a free loopback port run with
 * {@code pg_ctl}; as root, every PostgreSQL program runs as the {@code postgres} account ({@code runuser}).
 */
final class PgCluster extends NativeServer {

    static final String SUPERUSER = "postgres";

    private final Path bin;
    private final boolean asPostgres;
    private final Path data;
    private final Path serverLog;
    private final Path commandLog;
    private final String superPassword = Tools.secret(24);

    private PgCluster(Path bin, int port, Path dir) {
        super("postgresql", port, dir);
        this.bin = bin;
        this.asPostgres = Tools.isRoot();
        this.data = dir.resolve("data");
        this.serverLog = dir.resolve("postgresql.log");
        this.commandLog = dir.resolve("commands.log");
    }

    /** Creates and starts a cluster with a database owned by a new login role (password authentication). */
    static PgCluster create(String database, String user, String password) {
        PgCluster cluster = new PgCluster(binDir(), Net.freePort(), TempDirs.create("pg"));
        return ManagedServer.closeOnFailure(cluster, () -> {
            cluster.initdb();
            cluster.start();
            cluster.psql("CREATE ROLE \"" + user + "\" LOGIN PASSWORD '" + password + "';\n"
                    + "CREATE DATABASE \"" + database + "\" OWNER \"" + user + "\";\n");
        });
    }

    /**
     * The directory of initdb and pg_ctl: {@code PG_BINDIR}, else the highest {@code /usr/lib/postgresql/N/bin},
     * else the directory {@code initdb} on the PATH really lives in.
     */
    static Path binDir() {
        Optional<String> fromEnv = Tools.env("PG_BINDIR");
        if (fromEnv.isPresent()) {
            Path bin = Paths.get(fromEnv.get());
            if (!Files.isExecutable(bin.resolve("initdb"))) {
                throw new IllegalStateException("PG_BINDIR=" + bin + " holds no initdb");
            }
            return bin;
        }
        Path debian = Paths.get("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> highest = versions
                        .filter(v -> v.getFileName().toString().matches("\\d+(\\.\\d+)?"))
                        .filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingDouble(v -> Double.parseDouble(v.getFileName().toString())));
                if (highest.isPresent()) {
                    return highest.get().resolve("bin");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Path initdb = Tools.onPath("initdb").orElseThrow(() -> Tools.missing("PostgreSQL (initdb, pg_ctl, psql)",
                "PG_BINDIR, /usr/lib/postgresql/*/bin, 'initdb' on PATH"));
        try {
            return initdb.toRealPath().getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void initdb() {
        Path pwfile = dir().resolve("superuser.pw");
        try {
            Files.writeString(pwfile, superPassword + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (asPostgres) {
            TempDirs.makeParentsTraversable(dir());
            TempDirs.chown(dir(), SUPERUSER);
        }
        try {
            initdb(pwfile, "C.UTF-8");
        } catch (IllegalStateException e) {
            try {
                initdb(pwfile, "C"); // a system without the C.UTF-8 locale
            } catch (IllegalStateException again) {
                again.addSuppressed(e);
                throw again;
            }
        }
        String conf = "\n# throwaway test cluster (test-support)\n"
                + "port = " + port() + "\n"
                + "listen_addresses = '" + Net.LOOPBACK + "'\n"
                + "unix_socket_directories = '" + dir() + "'\n"
                + "fsync = off\n"
                + "synchronous_commit = off\n"
                + "full_page_writes = off\n"
                + "max_connections = 100\n";
        try {
            Files.writeString(data.resolve("postgresql.conf"), conf, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The password of the superuser {@value #SUPERUSER} (for tests of this module). */
    String superPassword() {
        return superPassword;
    }

    private void initdb(Path pwfile, String locale) {
        pg("initdb", "-D", data.toString(), "-U", SUPERUSER, "--pwfile=" + pwfile, "-E", "UTF8", "--locale=" + locale,
                "--auth-local=trust", "--auth-host=scram-sha-256", "--no-sync", "--no-instructions");
    }

    @Override
    void launch() {
        try {
            pg("pg_ctl", "-D", data.toString(), "-l", serverLog.toString(), "-w", "-t",
                    String.valueOf(timeout().toSeconds()), "start");
        } catch (IllegalStateException e) {
            throw new IllegalStateException(e.getMessage() + "\nlast lines of " + serverLog + ":\n"
                    + Processes.tail(serverLog), e);
        }
    }

    /**
     * {@code pg_ctl stop} returns once the server is down; the postmaster is not waited for, since it is no child of
     * this JVM and may linger as a zombie until init reaps it.
     */
    @Override
    void halt(boolean forGood) {
        Optional<ProcessHandle> postmaster = process();
        try {
            pg("pg_ctl", "-D", data.toString(), "-m", forGood ? "immediate" : "fast", "-w", "stop");
        } catch (IllegalStateException e) {
            postmaster.ifPresent(p -> Processes.kill(p, false));
            if (forGood) {
                return;
            }
            throw e;
        }
    }

    /** Whether the postmaster runs: its {@code postmaster.pid} file is there and names a live process. */
    @Override
    public boolean isRunning() {
        return Files.exists(data.resolve("postmaster.pid")) && super.isRunning();
    }

    /** The postmaster, from {@code postmaster.pid}. */
    @Override
    Optional<ProcessHandle> process() {
        try {
            List<String> lines = Files.readAllLines(data.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : ProcessHandle.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Runs SQL as the superuser over the cluster's Unix socket. */
    void psql(String sql) {
        runPsql(asPostgresUser(List.of(bin.resolve("psql").toString(), "-h", dir().toString(),
                "-p", String.valueOf(port()), "-U", SUPERUSER)), Map.of(), sql, dir(), commandLog, timeout());
    }

    /**
     * Runs SQL with {@code psql} against a server elsewhere (password authentication); {@code psql} is the one in
     * {@code PG_BINDIR}, else the one on the PATH, else the one next to {@code initdb} ({@link #binDir()}).
     */
    static void psql(String host, int port, String user, String password, String sql) {
        Path log = null;
        try {
            log = Files.createTempFile("intake-psql-", ".log");
            Path psql = Tools.env("PG_BINDIR").map(dir -> Paths.get(dir, "psql"))
                    .or(() -> Tools.onPath("psql")).orElseGet(() -> binDir().resolve("psql"));
            runPsql(List.of(psql.toString(), "-h", host, "-p", String.valueOf(port), "-U", user),
                    Map.of("PGPASSWORD", password, "PGCONNECT_TIMEOUT", "10"), sql, log.getParent(), log,
                    Tools.startTimeout());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (log != null) {
                log.toFile().delete();
            }
        }
    }

    /** The SQL goes to stdin, so that no password shows in a process list or a log. */
    private static void runPsql(List<String> connection, Map<String, String> env, String sql, Path workDir, Path log,
            java.time.Duration timeout) {
        List<String> command = new ArrayList<>(connection);
        command.addAll(List.of("-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", "postgres", "-f", "-"));
        Processes.run("psql", command, env, workDir, log, sql, timeout);
    }

    private void pg(String program, String... args) {
        List<String> command = new ArrayList<>();
        command.add(bin.resolve(program).toString());
        command.addAll(List.of(args));
        Processes.run(program, asPostgresUser(command), Map.of(), dir(), commandLog, null, timeout());
    }

    private List<String> asPostgresUser(List<String> command) {
        if (!asPostgres) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", SUPERUSER, "--"));
        wrapped.addAll(command);
        return wrapped;
    }
}
