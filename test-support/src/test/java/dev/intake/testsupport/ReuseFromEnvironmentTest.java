package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The TEST_* variables name a running server (here: one a native resource started; the variables are read from
 * system properties of the same name too).
 */
class ReuseFromEnvironmentTest {

    private static final String[] VARIABLES = {"TEST_PG_HOST", "TEST_PG_PORT", "TEST_PG_USER", "TEST_PG_PASSWORD",
        "TEST_MEILI_URL", "TEST_MEILI_KEY", "TEST_SES_ENDPOINT", "TEST_S3_ENDPOINT", "TEST_S3_ACCESS_KEY",
        "TEST_S3_SECRET_KEY"};

    @AfterEach
    void clearVariables() {
        for (String name : VARIABLES) {
            System.clearProperty(name);
        }
    }

    @Test
    void postgresGetsAFreshDatabaseThatIsDroppedAtTheEnd() throws SQLException {
        PostgresTestResource running = new PostgresTestResource();
        PostgresTestResource reusing = new PostgresTestResource();
        try {
            running.start();
            PgCluster cluster = (PgCluster) running.server();
            System.setProperty("TEST_PG_HOST", Net.LOOPBACK);
            System.setProperty("TEST_PG_PORT", String.valueOf(cluster.port()));
            System.setProperty("TEST_PG_USER", PgCluster.SUPERUSER);
            System.setProperty("TEST_PG_PASSWORD", cluster.superPassword());

            Map<String, String> config = reusing.start();
            String url = config.get("quarkus.datasource.jdbc.url");
            assertTrue(url.matches("jdbc:postgresql://127\\.0\\.0\\.1:" + cluster.port() + "/test_[a-z0-9]{10}"), url);
            String database = url.substring(url.lastIndexOf('/') + 1);
            try (Connection c = DriverManager.getConnection(url, config.get("quarkus.datasource.username"),
                    config.get("quarkus.datasource.password")); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA document");
            }
            assertThrows(UnsupportedOperationException.class, () -> reusing.server().stop());
            assertEquals(1, databases(running, database));

            reusing.stop();
            assertEquals(0, databases(running, database));
            assertTrue(cluster.isRunning(), "the reused server keeps running");
        } finally {
            reusing.stop();
            running.stop();
        }
    }

    private static int databases(PostgresTestResource running, String name) throws SQLException {
        Map<String, String> config = running.start(); // started already: the same configuration again
        try (Connection c = DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), config.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void s3GetsAFreshBucket() throws Exception {
        S3TestResource running = new S3TestResource();
        S3TestResource reusing = new S3TestResource();
        try {
            Map<String, String> config = running.start();
            System.setProperty("TEST_S3_ENDPOINT", config.get("s3.endpoint"));
            System.setProperty("TEST_S3_ACCESS_KEY", config.get("s3.access-key"));
            System.setProperty("TEST_S3_SECRET_KEY", config.get("s3.secret-key"));

            Map<String, String> reused = reusing.start();
            String bucket = reused.get("s3.bucket");
            assertTrue(bucket.matches("intake-documents-[a-z0-9]{10}"), bucket);
            assertEquals(config.get("s3.endpoint"), reused.get("s3.endpoint"));
            io.minio.MinioClient client = io.minio.MinioClient.builder().endpoint(reused.get("s3.endpoint"))
                    .credentials(reused.get("s3.access-key"), reused.get("s3.secret-key")).region("us-east-1").build();
            assertTrue(client.bucketExists(io.minio.BucketExistsArgs.builder().bucket(bucket).build()));
        } finally {
            reusing.stop();
            running.stop();
        }
    }

    @Test
    void meilisearchAndSesAreUsedAsTheyAre() {
        MeilisearchTestResource meili = new MeilisearchTestResource();
        SesEmulatorTestResource ses = new SesEmulatorTestResource();
        MeilisearchTestResource reusedMeili = new MeilisearchTestResource();
        SesEmulatorTestResource reusedSes = new SesEmulatorTestResource();
        try {
            Map<String, String> meiliConfig = meili.start();
            Map<String, String> sesConfig = ses.start();
            System.setProperty("TEST_MEILI_URL", meiliConfig.get("meili.url"));
            System.setProperty("TEST_MEILI_KEY", meiliConfig.get("meili.api-key"));
            System.setProperty("TEST_SES_ENDPOINT", sesConfig.get("ses.endpoint"));

            assertEquals(meiliConfig, reusedMeili.start());
            assertEquals(sesConfig, reusedSes.start());
            assertNotEquals(meili.server(), reusedMeili.server());
            assertThrows(UnsupportedOperationException.class, () -> reusedSes.server().start());

            reusedMeili.stop();
            reusedSes.stop();
            assertTrue(meili.server().isRunning() && ses.server().isRunning(), "reused servers keep running");
        } finally {
            reusedMeili.stop();
            reusedSes.stop();
            meili.stop();
            ses.stop();
        }
    }
}
