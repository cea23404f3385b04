package dev.intake.testsupport;

import org.testcontainers.containers.wait.strategy.Wait;

import java.util.Map;
import java.util.Optional;

/**
 * A PostgreSQL database for a {@code @QuarkusTest}: database {@code intake} owned by the login role {@code intake}
 * (password authentication), which may create schemas in it (Flyway).
 * <p>
 * Config keys: {@code quarkus.datasource.username}, {@code quarkus.datasource.password},
 * {@code quarkus.datasource.jdbc.url}, {@code quarkus.datasource.reactive.url}.
 * <p>
 * Init args: {@code database} and {@code username} (default {@code intake} both).
 * <p>
 * Environment: {@code TEST_PG_HOST} (+ {@code TEST_PG_PORT} default 5432, {@code TEST_PG_USER} default postgres,
 * {@code TEST_PG_PASSWORD}) reuses a running server, in a fresh database {@code test_<random>} that this user
 * creates (and owns) and drops at the end; otherwise {@code postgres:16-alpine} when Docker answers; otherwise a
 * throwaway native cluster ({@code PG_BINDIR}, else the highest {@code /usr/lib/postgresql/N/bin}, else
 * {@code initdb} on the PATH).
 */
public class PostgresTestResource extends ServerResource {

    public static final String ARG_DATABASE = "database";
    public static final String ARG_USERNAME = "username";
    static final String IMAGE = "postgres:16-alpine";

    /** The server of the started PostgreSQL resource. */
    public static ThrowawayServer current() {
        return current(PostgresTestResource.class);
    }

    private String database() {
        return identifier(arg(ARG_DATABASE, "intake"));
    }

    private String username() {
        return identifier(arg(ARG_USERNAME, "intake"));
    }

    private static String identifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain PostgreSQL name: " + name);
        }
        return name;
    }

    @Override
    Optional<Running> reuse() {
        Optional<String> host = Tools.env("TEST_PG_HOST");
        if (host.isEmpty()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(Tools.env("TEST_PG_PORT").orElse("5432"));
        String user = Tools.env("TEST_PG_USER").orElse("postgres");
        String password = Tools.env("TEST_PG_PASSWORD").orElse("");
        String database = "test_" + Tools.suffix();
        PgCluster.psql(host.get(), port, user, password, "CREATE DATABASE \"" + database + "\";\n");
        ExternalServer server = new ExternalServer("postgresql (TEST_PG_HOST)", port, () -> PgCluster.psql(
                host.get(), port, user, password, "DROP DATABASE IF EXISTS \"" + database + "\" WITH (FORCE);\n"));
        return Optional.of(new Running(server, config(host.get(), port, database, user, password)));
    }

    @Override
    Running container() {
        String password = Tools.secret(24);
        Containers.Started started = Containers.start("postgresql", IMAGE, 5432,
                Map.of("POSTGRES_DB", database(), "POSTGRES_USER", username(), "POSTGRES_PASSWORD", password),
                Wait.forLogMessage(".*database system is ready to accept connections.*\\s", 2),
                "postgres", "-c", "fsync=off");
        return new Running(started.server(), config(started.host(), started.port(), database(), username(), password));
    }

    @Override
    Running startNative() {
        String password = Tools.secret(24);
        PgCluster cluster = PgCluster.create(database(), username(), password);
        return new Running(cluster, config(Net.LOOPBACK, cluster.port(), database(), username(), password));
    }

    private static Map<String, String> config(String host, int port, String database, String user, String password) {
        String address = host + ":" + port + "/" + database;
        return Map.of(
                "quarkus.datasource.username", user,
                "quarkus.datasource.password", password,
                "quarkus.datasource.jdbc.url", "jdbc:postgresql://" + address,
                "quarkus.datasource.reactive.url", "postgresql://" + address);
    }
}
