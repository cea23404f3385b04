package dev.intake.platform.work;

import java.time.Duration;

import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;

/**
 * A worker in a JVM of its own that claims one item of {@code probe_work} with the engine's claim and
 * then hangs "mid-item" until the test kills the process (SIGKILL), as a crash or an OOM kill would.
 * Prints {@code CLAIMED <id> <attempt>} once it holds the item.
 *
 * <p>Arguments: host port database user password schema leaseMillis
 */
public final class CrashingWorker {

    private CrashingWorker() {
    }

    public static void main(String[] args) throws Exception {
        io.vertx.core.Vertx vertx = io.vertx.core.Vertx.vertx();
        PgConnectOptions connect = new PgConnectOptions().setHost(args[0]).setPort(Integer.parseInt(args[1]))
                .setDatabase(args[2]).setUser(args[3]).setPassword(args[4])
                .addProperty("search_path", args[5]);
        io.vertx.sqlclient.Pool core = PgBuilder.pool().with(new PoolOptions().setMaxSize(1)).connectingTo(connect)
                .using(vertx).build();
        WorkRepository repository = new WorkRepository(io.vertx.mutiny.sqlclient.Pool.newInstance(core), ProbeWork.TABLE);
        var claimed = repository.claim(1, Duration.ofMillis(Long.parseLong(args[6])), row -> row.getUUID("work_id"))
                .await().atMost(Duration.ofSeconds(20));
        for (Claimed<java.util.UUID> c : claimed) {
            System.out.println("CLAIMED " + c.item() + " " + c.attempt());
        }
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
