package dev.intake.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.intake.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** The work engine's guarantees on a queue of its own, against a real PostgreSQL. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class WorkEngineTest {

    @Inject
    WorkEngine engine;
    @Inject
    ProbeWork probe;
    @Inject
    Pool pool;
    @Inject
    WorkMetrics metrics;
    @Inject
    io.vertx.core.Vertx vertx;
    @ConfigProperty(name = "quarkus.datasource.reactive.url")
    String url;
    @ConfigProperty(name = "quarkus.datasource.username")
    String user;
    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    @BeforeEach
    void empty() {
        sql("DELETE FROM probe_work");
        probe.handledKeys.clear();
    }

    @Test
    void aWorkerKilledMidItemCountsItsAttemptAndTheItemFailsAfterTheMaximum() throws Exception {
        UUID id = insert("crash", "ok");
        // two JVMs claim the item and die holding it (SIGKILL); the maximum is 3 attempts
        for (int attempt = 1; attempt <= 2; attempt++) {
            assertEquals(attempt, claimInAJvmThatIsKilled(id), "attempt counted at the claim");
            sql("UPDATE probe_work SET claimed_until = now() - interval '1 second' WHERE id = $1", id); // lease runs out
            assertEquals("PENDING", row(id).getString("status"));
        }
        // a third worker dies as well, then nobody claims the item again: it is failed with the reason
        assertEquals(3, claimInAJvmThatIsKilled(id));
        sql("UPDATE probe_work SET claimed_until = now() - interval '1 second' WHERE id = $1", id);
        assertEquals(1, cycle());
        Row row = row(id);
        assertEquals("FAILED", row.getString("status"));
        assertTrue(row.getString("last_error").contains("gave up after 3 attempts"), row.getString("last_error"));
        assertEquals(0, row.getInteger("handled"), "the handler never ran an exhausted item");
        assertEquals(0, cycle(), "a failed item is never claimed again");
    }

    @Test
    void twoWorkersNeverHandleOneItemTwice() {
        for (int i = 0; i < 200; i++) {
            insert("k" + (i % 7), "ok");
        }
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(this::drain);
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(this::drain);
        int byA = a.join();
        int byB = b.join();
        assertEquals(200, byA + byB);
        assertTrue(byA > 0 && byB > 0, "both workers took part: " + byA + "/" + byB);
        assertEquals(200L, count("SELECT count(*) FROM probe_work WHERE status = 'DONE' AND handled = 1 AND attempts = 1"));
        assertEquals(0L, count("SELECT count(*) FROM probe_work WHERE done_at IS NULL"));
    }

    @Test
    void retriesBackOffAndEndAsFailedAfterTheMaximum() throws InterruptedException {
        UUID id = insert("flaky", "retry");
        List<Long> gaps = new ArrayList<>();
        long last = System.nanoTime();
        int attempts = 0;
        while (!"FAILED".equals(row(id).getString("status")) && attempts < 20) {
            if (cycle() > 0) {
                attempts++;
                long now = System.nanoTime();
                gaps.add((now - last) / 1_000_000);
                last = now;
            }
            Thread.sleep(5);
        }
        Row row = row(id);
        assertEquals("FAILED", row.getString("status"));
        assertEquals(3, row.getInteger("attempts"));
        assertEquals(3, row.getInteger("handled"));
        assertEquals("asked to retry (gave up after 3 attempts)", row.getString("last_error"));
        // initial backoff 50 ms: the second attempt waits 25-50 ms, the third 50-100 ms
        assertTrue(gaps.get(1) >= 20 && gaps.get(2) >= 45, "backoff between attempts: " + gaps);
    }

    @Test
    void aPermanentFailureEndsAtOnceAndADoneItemKeepsItsNote() {
        UUID failing = insert("a", "fail");
        UUID noted = insert("b", "note");
        assertEquals(2, cycle());
        assertEquals("FAILED", row(failing).getString("status"));
        assertEquals("asked to fail", row(failing).getString("last_error"));
        assertEquals(1, row(failing).getInteger("attempts"));
        assertEquals("DONE", row(noted).getString("status"));
        assertEquals("note-1", row(noted).getString("note"));
        assertEquals(0, cycle());
    }

    @Test
    void keysTakeTurnsSoOneBigKeyDoesNotStarveTheOthers() {
        for (int i = 0; i < 20; i++) {
            insert("big", "ok");
        }
        insert("small-1", "ok");
        insert("small-2", "ok");
        cycle(); // five items: a turn for each key, then the big key's next ones
        List<String> first = List.copyOf(probe.handledKeys);
        assertTrue(first.contains("small-1") && first.contains("small-2"), "small keys in the first claim: " + first);
    }

    @Test
    void aFinishAfterAnotherWorkerTookTheItemOverIsIgnored() {
        UUID id = insert("fenced", "ok");
        WorkRepository repository = new WorkRepository(pool, ProbeWork.TABLE);
        Claimed<UUID> stale = repository.claim(1, Duration.ofMillis(1), r -> r.getUUID("work_id"))
                .await().atMost(Duration.ofSeconds(10)).get(0);
        sql("UPDATE probe_work SET claimed_until = now() - interval '1 second' WHERE id = $1", id);
        Claimed<UUID> current = repository.claim(1, Duration.ofSeconds(30), r -> r.getUUID("work_id"))
                .await().atMost(Duration.ofSeconds(10)).get(0);
        assertEquals(2, current.attempt());

        int updated = repository.finish(List.of(new WorkRepository.Finish(stale, "FAILED", "late", null, null)))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals(0, updated, "the first worker's late outcome must not overwrite the second's claim");
        assertEquals("PENDING", row(id).getString("status"));
        repository.finish(List.of(new WorkRepository.Finish(current, "DONE", null, null, null)))
                .await().atMost(Duration.ofSeconds(10));
        assertEquals("DONE", row(id).getString("status"));
    }

    private int drain() {
        int total = 0;
        int n;
        do {
            n = cycle();
            total += n;
        } while (n > 0);
        return total;
    }

    private int cycle() {
        return engine.cycle(probe).await().atMost(Duration.ofSeconds(20));
    }

    /** Starts a JVM that claims the item with a 60 s lease, kills it with SIGKILL once it holds it; its attempt. */
    private int claimInAJvmThatIsKilled(UUID id) throws Exception {
        URI db = URI.create(url.replaceFirst("^vertx-reactive:", "").replaceFirst("^postgresql:", "postgres:"));
        String schema = "probe";
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashingWorker.class.getName(), db.getHost(),
                String.valueOf(db.getPort()), db.getPath().substring(1), user, password, schema, "60000")
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("CLAIMED " + id)) {
                    worker.destroyForcibly();
                    assertTrue(worker.waitFor(10, TimeUnit.SECONDS));
                    assertEquals(137, worker.exitValue(), "killed by SIGKILL");
                    return Integer.parseInt(line.split(" ")[2]);
                }
            }
        } finally {
            worker.destroyForcibly();
        }
        throw new AssertionError("the worker JVM claimed nothing");
    }

    @Test
    void aBurstIntoATableVacuumedWhileEmptyGetsItsPlannerStatisticsRefreshed() {
        sql("VACUUM probe_work"); // empty: the planner now believes the table holds no rows
        WorkRepository repository = new WorkRepository(pool, ProbeWork.TABLE);
        insertNotDue(100);
        assertEquals(false, repository.upkeep(500).await().atMost(Duration.ofSeconds(10)).analyzed(),
                "a backlog below the minimum leaves the statistics alone");

        insertNotDue(1_900);
        assertEquals(true, repository.upkeep(500).await().atMost(Duration.ofSeconds(10)).analyzed());
        assertTrue(count("SELECT reltuples::bigint FROM pg_class WHERE oid = to_regclass('probe_work')") >= 1_500,
                "the planner's estimate follows the backlog of 2,000 items");
        assertEquals(false, repository.upkeep(500).await().atMost(Duration.ofSeconds(10)).analyzed(),
                "fresh statistics are not analyzed again");
    }

    @Test
    void aLingeringQueueClaimsATrickleInOneBatch() throws InterruptedException {
        TestQueue handler = new TestQueue(Duration.ofSeconds(1), Integer.MAX_VALUE);
        WorkQueue<ProbeWork.Item> queue = new WorkQueue<>(handler, new WorkRepository(pool, ProbeWork.TABLE), metrics, vertx);
        try {
            for (int i = 0; i < 3; i++) {
                insert("trickle" + i, "ok");
                queue.wakeUp(); // as each commit's NOTIFY would
                Thread.sleep(30);
            }
            awaitDone(3);
            assertEquals(List.of(3), handler.batches, "three wake-ups within the linger: one claim of three");

            handler.batches.clear();
            for (int i = 0; i < 12; i++) {
                insert("burst" + i, "ok");
            }
            queue.wakeUp();
            awaitDone(15);
            assertEquals(5, handler.batches.get(0), "a burst is claimed in full batches (of 5)");
            assertEquals(12, handler.batches.stream().mapToInt(Integer::intValue).sum());
        } finally {
            queue.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void aHandlerThatRecordsInStepsHasEachStepRecordedBeforeTheNextBegins() {
        TestQueue handler = new TestQueue(Duration.ZERO, 2);
        WorkQueue<ProbeWork.Item> queue = new WorkQueue<>(handler, new WorkRepository(pool, ProbeWork.TABLE), metrics, vertx);
        for (int i = 0; i < 5; i++) {
            insert("step" + i, "ok");
        }
        assertEquals(5, queue.cycle().await().atMost(Duration.ofSeconds(10)), "one claim of the whole batch");
        assertEquals(List.of(2, 2, 1), handler.batches, "handled two at a time");
        // a worker that dies in the third step would leave only that step's item to be done again
        assertEquals(List.of(0L, 2L, 4L), handler.doneBefore, "each step's outcomes are in the table before the next step");
        assertEquals(5L, count("SELECT count(*) FROM probe_work WHERE status = 'DONE' AND handled = 1 AND attempts = 1"));
    }

    /**
     * The probe queue with a linger and a recording step of its own, run by a loop of the test's own (the
     * engine does not run the probe queue); remembers each handled batch's size and how many items were
     * already DONE in the table when it began.
     */
    private final class TestQueue implements WorkHandler<ProbeWork.Item> {

        final List<Integer> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Long> doneBefore = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final QueueSpec spec;
        private final int step;

        TestQueue(Duration linger, int step) {
            WorkSettings s = probe.queue().settings();
            this.spec = new QueueSpec("test-queue", ProbeWork.TABLE, new WorkSettings(true, s.batchSize(), s.concurrency(),
                    s.lease(), s.maxAttempts(), s.initialBackoff(), s.maxBackoff(), s.pollInterval(), linger));
            this.step = step;
        }

        @Override
        public QueueSpec queue() {
            return spec;
        }

        @Override
        public int recordEvery() {
            return step;
        }

        @Override
        public ProbeWork.Item read(Row row) {
            return probe.read(row);
        }

        @Override
        public io.smallrye.mutiny.Uni<List<Outcome>> handle(List<Claimed<ProbeWork.Item>> batch) {
            batches.add(batch.size());
            return pool.query("SELECT count(*) FROM probe_work WHERE status = 'DONE'").execute()
                    .invoke(rows -> doneBefore.add(rows.iterator().next().getLong(0)))
                    .chain(() -> probe.handle(batch));
        }
    }

    private void awaitDone(long n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (count("SELECT count(*) FROM probe_work WHERE status = 'DONE'") < n) {
            assertTrue(System.nanoTime() < deadline, "items not done in time");
            Thread.sleep(50);
        }
    }

    /** Items waiting an hour for their attempt: backlog the engine does not work off during the test. */
    private void insertNotDue(int n) {
        sql("INSERT INTO probe_work (id, work_key, next_attempt_at) SELECT gen_random_uuid(), 'k' || g, now() + interval '1 hour'"
                + " FROM generate_series(1, $1) g", n);
    }

    private UUID insert(String key, String behaviour) {
        UUID id = UUID.randomUUID();
        sql("INSERT INTO probe_work (id, work_key, behaviour) VALUES ($1, $2, $3)", id, key, behaviour);
        return id;
    }

    private Row row(UUID id) {
        return pool.preparedQuery("SELECT * FROM probe_work WHERE id = $1").execute(Tuple.of(id))
                .await().atMost(Duration.ofSeconds(10)).iterator().next();
    }

    private long count(String query) {
        return pool.query(query).execute().await().atMost(Duration.ofSeconds(10)).iterator().next().getLong(0);
    }

    private void sql(String query, Object... args) {
        pool.preparedQuery(query).execute(Tuple.from(args)).await().atMost(Duration.ofSeconds(10));
    }
}
