package dev.intake.contact.rest;

import static dev.intake.contact.rest.Submissions.valid;
import static dev.intake.contact.rest.Submissions.withFormKey;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.jboss.logging.MDC;
import org.junit.jupiter.api.Test;

import dev.intake.platform.correlation.CorrelationId;
import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What one submission stores: the contact, one {@code contact.submitted} event with its deliveries and the
 * visitor count, all in one statement, so together or not at all, also under concurrency and disconnects.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(DocumentServiceStandIn.class)
class SubmissionStorageTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    @Inject
    Pool pool;

    private long rows(String sql, Object... args) {
        return pool.preparedQuery(sql).executeAndAwait(Tuple.from(args)).iterator().next().getLong(0);
    }

    private long visitors() {
        return rows("SELECT CASE WHEN is_called THEN last_value ELSE 0 END FROM visitor_count");
    }

    private long contactsNamed(String name) {
        return rows("SELECT count(*) FROM contact_submission WHERE name = $1", name);
    }

    private long eventsNamed(String name) {
        return rows("SELECT count(*) FROM outbox_event WHERE type = 'contact.submitted' AND payload->>'name' = $1", name);
    }

    /** Backends of this database waiting for a lock: the submissions held up by {@link #lockCounter}. */
    private long waitingForLocks() {
        return rows("""
                SELECT count(*) FROM pg_stat_activity
                WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
                """);
    }

    /** Holds back every contact insert (a SHARE lock on the table) until the rollback. */
    private Transaction lockCounter(SqlConnection connection) {
        Transaction tx = connection.beginAndAwait();
        connection.query("LOCK TABLE contact_submission IN SHARE MODE").executeAndAwait();
        return tx;
    }

    @Test
    void aSubmissionStoresTheContactOneEventItsDeliveriesAndTheCount() {
        long before = visitors();
        String id = withFormKey().body(valid("Stored Together")).post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");

        assertEquals(1, rows("SELECT count(*) FROM contact_submission WHERE id = $1 AND name = 'Stored Together'"
                + " AND company = 'Analytical Engines' AND page_url = 'https://example.org/contact' AND status = 'new'",
                UUID.fromString(id)));
        assertEquals(1, rows("SELECT count(*) FROM outbox_event WHERE aggregate_type = 'contact' AND aggregate_id = $1"
                + " AND type = 'contact.submitted' AND version = 1 AND payload->>'contactId' = $1"
                + " AND payload->>'name' = 'Stored Together' AND correlation_id IS NOT NULL", id));
        assertEquals(List.of("notification", "search"), pool.preparedQuery("""
                SELECT d.subscriber FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id
                WHERE e.aggregate_id = $1 AND d.status = 'PENDING' AND d.seq = e.seq AND d.aggregate_key = 'contact:' || $1
                ORDER BY d.subscriber
                """).executeAndAwait(Tuple.of(id)).stream().map(r -> r.getString(0)).toList());
        assertEquals(before + 1, visitors());

        // the old endpoint answers with the count its own submission reached
        int counted = withFormKey().body(valid("Stored Legacy")).post("/contact").then().statusCode(200)
                .extract().path("visitor_count");
        assertEquals(before + 2, counted);
        assertEquals(before + 2, visitors());
    }

    @Test
    void aStatementThatFailsStoresNothing() {
        pool.query("""
                CREATE FUNCTION fail_marked_event() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.payload->>'name' = 'Fail Midway' THEN RAISE EXCEPTION 'injected failure'; END IF;
                    RETURN NEW;
                END $$;
                CREATE TRIGGER fail_marked_event BEFORE INSERT ON outbox_event
                    FOR EACH ROW EXECUTE FUNCTION fail_marked_event();
                """).executeAndAwait();
        String key = UUID.randomUUID().toString();
        long before = visitors();
        try {
            withFormKey().body(valid("Fail Midway")).post("/api/v1/contacts").then().statusCode(500)
                    .contentType("application/problem+json");
            withFormKey().header("Idempotency-Key", key).body(valid("Fail Midway")).post("/api/v1/contacts")
                    .then().statusCode(500);
            withFormKey().body(valid("Fail Midway")).post("/contact").then().statusCode(500);
        } finally {
            pool.query("DROP TRIGGER fail_marked_event ON outbox_event; DROP FUNCTION fail_marked_event()")
                    .executeAndAwait();
        }
        assertEquals(0, contactsNamed("Fail Midway"));
        assertEquals(0, eventsNamed("Fail Midway"));
        assertEquals(0, rows("SELECT count(*) FROM idempotency_record WHERE record_key = $1", "form:" + key));
        // the visitor count is a sequence: a failed statement may have taken a number (a gap), never stored a row
        long afterFailures = visitors();
        assertTrue(afterFailures >= before);

        // the key was not taken by the failed attempt: its retry creates the contact
        withFormKey().header("Idempotency-Key", key).body(valid("Fail Midway")).post("/api/v1/contacts")
                .then().statusCode(201).header("Idempotent-Replayed", (String) null);
        assertEquals(1, contactsNamed("Fail Midway"));
        assertEquals(1, eventsNamed("Fail Midway"));
        assertTrue(visitors() > afterFailures);
    }

    @Test
    void concurrentRetriesWithOneIdempotencyKeyCreateOneContact() throws Exception {
        int retries = 6;
        String key = UUID.randomUUID().toString();
        long before = visitors();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction lock = lockCounter(connection);
            for (int i = 0; i < retries; i++) {
                answers.add(http.sendAsync(submission("/api/v1/contacts", key, valid("Retried Concurrently")),
                        HttpResponse.BodyHandlers.ofString()));
            }
            // the first claims the key and waits to insert its contact; the others wait for its claim
            await().atMost(PATIENCE).until(() -> waitingForLocks() == retries);
            lock.rollbackAndAwait();
        } finally {
            connection.closeAndAwait();
        }

        Set<String> ids = new java.util.HashSet<>();
        int replayed = 0;
        for (CompletableFuture<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            assertEquals(201, response.statusCode(), response.body());
            ids.add(io.restassured.path.json.JsonPath.from(response.body()).getString("id"));
            replayed += response.headers().firstValue("Idempotent-Replayed").map("true"::equals).orElse(false) ? 1 : 0;
        }
        assertEquals(1, ids.size(), "every retry answers with the same contact");
        assertEquals(retries - 1, replayed);
        assertEquals(1, contactsNamed("Retried Concurrently"));
        assertEquals(1, eventsNamed("Retried Concurrently"));
        assertEquals(before + 1, visitors());
    }

    @Test
    void anExpiredIdempotencyRecordIsTakenOverByTheNextRequest() {
        String key = UUID.randomUUID().toString();
        String first = withFormKey().header("Idempotency-Key", key).body(valid("Expiring First"))
                .post("/api/v1/contacts").then().statusCode(201).extract().path("id");
        pool.preparedQuery("UPDATE idempotency_record SET created_at = now() - interval '25 hours' WHERE record_key = $1")
                .executeAndAwait(Tuple.of("form:" + key));

        String second = withFormKey().header("Idempotency-Key", key).body(valid("Expiring Second"))
                .post("/api/v1/contacts").then().statusCode(201).header("Idempotent-Replayed", (String) null)
                .extract().path("id");
        assertNotEquals(first, second);
        assertEquals(1, rows("SELECT count(*) FROM idempotency_record WHERE record_key = $1 AND contact_id = $2"
                + " AND created_at > now() - interval '1 minute'", "form:" + key, UUID.fromString(second)));
        withFormKey().header("Idempotency-Key", key).body(valid("Expiring Second")).post("/api/v1/contacts")
                .then().statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(second));
        withFormKey().header("Idempotency-Key", key).body(valid("Expiring First")).post("/api/v1/contacts")
                .then().statusCode(422);
    }

    @Test
    void theOldEndpointReplaysWithTheSameContact() {
        String key = UUID.randomUUID().toString();
        String first = withFormKey().header("Idempotency-Key", key).body(valid("Legacy Replay")).post("/contact")
                .then().statusCode(200).extract().path("contactId");
        withFormKey().header("Idempotency-Key", key).body(valid("Legacy Replay")).post("/contact").then()
                .statusCode(200).body("contactId", equalTo(first));
        assertEquals(1, contactsNamed("Legacy Replay"));
    }

    @Test
    void clientsGoingAwayMidSubmissionLeaveWholeSubmissionsAndNoErrors() throws Exception {
        // warnings and errors while the clients go away (the JBoss LogManager is the JUL log manager of the tests),
        // and those of them logged while handling a request (its correlation id is in the MDC then)
        Queue<LogRecord> problems = new ConcurrentLinkedQueue<>();
        Queue<LogRecord> ofRequests = new ConcurrentLinkedQueue<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    problems.add(record);
                    Object correlationId = MDC.get(CorrelationId.MDC_KEY);
                    if (correlationId != null && !correlationId.toString().isEmpty()) {
                        ofRequests.add(record);
                    }
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        String key = UUID.randomUUID().toString();
        long before = visitors();
        try {
            SqlConnection connection = pool.getConnectionAndAwait();
            try {
                Transaction lock = lockCounter(connection);
                try (Socket plain = send("/api/v1/contacts", null, valid("Gone Away"));
                        Socket keyed = send("/contact", key, valid("Gone Away Keyed"))) {
                    await().atMost(PATIENCE).until(() -> waitingForLocks() == 2);
                    for (Socket socket : List.of(plain, keyed)) {
                        socket.setSoLinger(true, 0); // reset, as a browser tab closed mid-request
                    }
                }
                Thread.sleep(300); // the server sees the connections go while the statements still wait
                lock.rollbackAndAwait();
            } finally {
                connection.closeAndAwait();
            }
            await().atMost(PATIENCE).until(() -> visitors() == before + 2);
            assertEquals(1, contactsNamed("Gone Away"));
            assertEquals(1, eventsNamed("Gone Away"));
            assertEquals(1, contactsNamed("Gone Away Keyed"));
            assertEquals(1, eventsNamed("Gone Away Keyed"));
            assertEquals(4, rows("SELECT count(*) FROM outbox_delivery d JOIN outbox_event e ON e.id = d.event_id"
                    + " WHERE e.payload->>'name' IN ('Gone Away', 'Gone Away Keyed')"));
            // the keyed one committed its claim with its contact: its retry replays it
            String stored = pool.preparedQuery("SELECT id::text FROM contact_submission WHERE name = 'Gone Away Keyed'")
                    .executeAndAwait().iterator().next().getString(0);
            withFormKey().header("Idempotency-Key", key).body(valid("Gone Away Keyed")).post("/contact").then()
                    .statusCode(200).body("contactId", equalTo(stored));
            Thread.sleep(200);
        } finally {
            root.removeHandler(handler);
        }
        // nothing logged by the requests, nothing anywhere naming a session misuse
        String logged = problems.stream().map(r -> r.getLevel() + " " + r.getLoggerName() + ": " + r.getMessage())
                .collect(Collectors.joining("\n"));
        assertTrue(ofRequests.isEmpty(), logged);
        for (String sign : List.of("HR000090", "HHH000099", "is closed", "non-threadsafe")) {
            assertTrue(problems.stream().noneMatch(r -> String.valueOf(r.getMessage()).contains(sign)
                    || (r.getThrown() != null && String.valueOf(r.getThrown()).contains(sign))), logged);
        }
    }

    private static HttpRequest submission(String path, String idempotencyKey, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", "application/json").header("X-API-Key", Submissions.FORM_KEY)
                .header("X-Forwarded-For", nextClient()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.build();
    }

    /** Sends a whole request on a raw connection and leaves the answer unread. */
    private static Socket send(String path, String idempotencyKey, String body) throws java.io.IOException {
        Socket socket = new Socket("127.0.0.1", RestAssured.port);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        OutputStream out = socket.getOutputStream();
        out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "X-API-Key: " + Submissions.FORM_KEY + "\r\nX-Forwarded-For: " + nextClient() + "\r\n"
                + (idempotencyKey == null ? "" : "Idempotency-Key: " + idempotencyKey + "\r\n")
                + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.flush();
        return socket;
    }

    /** Client addresses of their own (rate limits are per IP), apart from those of {@link Submissions}. */
    private static String nextClient() {
        int n = CLIENTS.incrementAndGet();
        return "203.0.113." + (n % 250 + 1) + ",10.1." + (n / 250) + ".1";
    }
}
