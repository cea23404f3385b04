package dev.intake.platform.work;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;

/**
 * The one work engine of a service: runs a queue for every {@link WorkHandler} bean, wakes it through
 * PostgreSQL LISTEN/NOTIFY (one connection for all queues) and a poll, reads the backlog gauges, and
 * stops gracefully. Several replicas share each queue safely: claims skip rows others hold.
 */
@Singleton
public class WorkEngine {

    private static final Logger LOG = Logger.getLogger(WorkEngine.class);

    private final Map<String, WorkQueue<?>> queues = new LinkedHashMap<>();
    /** Repositories of queues this replica does not run, for {@link #backlog} only. */
    private final Map<String, WorkRepository> idle = new java.util.concurrent.ConcurrentHashMap<>();
    private final Vertx vertx;
    private final Pool pool;
    private final WorkConfig config;
    private final WorkMetrics metrics;
    private final String url;
    private final String user;
    private final String password;
    private final AtomicBoolean upkeepRunning = new AtomicBoolean();
    private PgSubscriber subscriber;

    public WorkEngine(Instance<WorkHandler<?>> handlers, Pool pool, Vertx vertx, WorkConfig config, WorkMetrics metrics,
            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.pool = pool;
        this.config = config;
        this.metrics = metrics;
        this.url = url;
        this.user = user;
        this.password = password;
        for (WorkHandler<?> handler : handlers) {
            if (handler.queue().settings().enabled()) {
                queues.put(handler.queue().name(), queueOf(handler, pool));
            }
        }
    }

    private <T> WorkQueue<T> queueOf(WorkHandler<T> handler, Pool pool) {
        return new WorkQueue<>(handler, new WorkRepository(pool, handler.queue().table()), metrics, vertx);
    }

    void start(@Observes StartupEvent event) {
        if (queues.isEmpty()) {
            return;
        }
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""))
                .setUser(user).setPassword(password);
        subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> 1_000L);
        Map<String, List<WorkQueue<?>>> byChannel = new LinkedHashMap<>();
        for (WorkQueue<?> queue : queues.values()) {
            metrics.register(queue.name());
            if (queue.channel() != null) {
                byChannel.computeIfAbsent(queue.channel(), c -> new ArrayList<>()).add(queue);
            }
            vertx.setPeriodic(queue.settings().pollInterval().toMillis(), id -> queue.wakeUp());
            queue.wakeUp();
        }
        byChannel.forEach((channel, listeners) -> subscriber.channel(channel)
                .handler(payload -> listeners.forEach(WorkQueue::wakeUp)));
        subscriber.connect().onFailure(e -> LOG.warnf("Work engine LISTEN not connected yet (%s); polling meanwhile",
                e.getClass().getSimpleName()));
        vertx.setPeriodic(config.metricsInterval().toMillis(), id -> {
            if (upkeepRunning.compareAndSet(false, true)) {
                upkeep().subscribe().with(done -> upkeepRunning.set(false));
            }
        });
    }

    /**
     * One claim of the handler's queue, worked off and recorded, outside this engine's own loops: a second
     * worker in the same process, as tests and one-off drains need. Answers how many items were claimed.
     */
    public <T> Uni<Integer> cycle(WorkHandler<T> handler) {
        return queueOf(handler, pool).cycle();
    }

    /** Wakes a queue of this replica at once (after a local change that inserts no row, e.g. a reprocess). */
    public void wakeUp(String queue) {
        WorkQueue<?> q = queues.get(queue);
        if (q != null) {
            q.wakeUp();
        }
    }

    /**
     * The queue's unfinished items, counted now: for admission control (refuse new work beyond a cap). Works
     * whether or not this replica runs the queue's workers.
     */
    public Uni<Long> backlog(QueueSpec spec) {
        WorkQueue<?> running = queues.get(spec.name());
        WorkRepository repository = running != null ? running.repository()
                : idle.computeIfAbsent(spec.name(), name -> new WorkRepository(pool, spec.table()));
        return repository.backlogCount();
    }

    /** Reads every queue's backlog into the gauges and refreshes stale planner statistics; never fails. */
    private Uni<Void> upkeep() {
        List<Uni<Void>> checks = new ArrayList<>();
        for (WorkQueue<?> queue : queues.values()) {
            checks.add(queue.repository().upkeep(config.statisticsBacklog())
                    .invoke(done -> {
                        metrics.backlog(queue.name(), done.backlog());
                        if (done.analyzed()) {
                            LOG.infof("Queue %s: analyzed its table, whose planner statistics predate its backlog", queue.name());
                        }
                    })
                    .onFailure().invoke(e -> LOG.debugf("Backlog of %s not read: %s", queue.name(), e.getClass().getSimpleName()))
                    .onFailure().recoverWithNull().replaceWithVoid());
        }
        if (checks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(checks).andCollectFailures().replaceWithVoid();
    }

    void stop(@Observes ShutdownEvent event) {
        for (WorkQueue<?> queue : queues.values()) {
            queue.stop(config.shutdownGrace());
        }
        if (subscriber != null) {
            subscriber.close();
        }
    }
}
