package dev.intake.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PostgresTestResourceTest {

    @Test
    void givesADatabaseWhoseOwnerCreatesSchemasAndKeepsItsDataOverARestart() throws Exception {
        ServerChecks.exercise(new PostgresTestResource(), PostgresTestResource::current, config -> {
            String url = config.get("quarkus.datasource.jdbc.url");
            assertTrue(url.matches("jdbc:postgresql://127\\.0\\.0\\.1:\\d+/intake"), url);
            assertEquals(url.substring("jdbc:".length()), config.get("quarkus.datasource.reactive.url"));
            assertEquals("intake", config.get("quarkus.datasource.username"));
            try (Connection c = connect(config, config.get("quarkus.datasource.password"));
                    Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA contact");
                s.execute("CREATE TABLE contact.person (id int PRIMARY KEY, name text NOT NULL)");
                s.execute("INSERT INTO contact.person VALUES (1, 'Zoë Ünal')");
                assertEquals("UTF8", single(s, "SHOW server_encoding"));
                assertEquals("intake", single(s, "SELECT schema_owner FROM information_schema.schemata"
                        + " WHERE schema_name = 'contact'"));
            }
            SQLException wrongPassword = assertThrows(SQLException.class, () -> connect(config, "wrong"));
            assertTrue(wrongPassword.getMessage().contains("password authentication failed"),
                    wrongPassword.getMessage());
        }, PostgresTestResourceTest::accepts, config -> {
            try (Connection c = connect(config, config.get("quarkus.datasource.password"));
                    Statement s = c.createStatement()) {
                assertEquals("Zoë Ünal", single(s, "SELECT name FROM contact.person WHERE id = 1"));
            }
        });
    }

    private static Connection connect(Map<String, String> config, String password) throws SQLException {
        return DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"),
                config.get("quarkus.datasource.username"), password);
    }

    private static boolean accepts(Map<String, String> config) {
        try (Connection c = connect(config, config.get("quarkus.datasource.password"))) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next(), sql);
            return rs.getString(1);
        }
    }
}
