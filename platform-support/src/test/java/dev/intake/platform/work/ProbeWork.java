package dev.intake.platform.work;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The test queue {@code probe_work}: counts every time an item is handled (in the row, so two workers
 * handling one item would show), and ends each attempt as its {@code behaviour} says: ok, retry, fail,
 * or ok with a note. Tests drive it with {@link WorkEngine#cycle}; the engine's own loop is off unless
 * {@code test.probe-work.enabled} is set.
 */
@Singleton
public class ProbeWork implements WorkHandler<ProbeWork.Item> {

    static final QueueTable TABLE = new QueueTable("probe_work", "id", "uuid", "seq", "created_at", "PENDING", null,
            "DONE", "FAILED", "last_error", 100, "done_at", "note", List.of(), "work_key", "probe_work",
            List.of("work_key", "behaviour"), false);

    public record Item(UUID id, String key, String behaviour) {
    }

    private final Pool pool;
    private final QueueSpec spec;
    final List<String> handledKeys = new CopyOnWriteArrayList<>();

    public ProbeWork(Pool pool, @ConfigProperty(name = "test.probe-work.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "test.probe-work.max-attempts", defaultValue = "3") int maxAttempts) {
        this.pool = pool;
        this.spec = new QueueSpec("probe", TABLE, new WorkSettings(enabled, 5, 2, Duration.ofSeconds(30), maxAttempts, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofMillis(500), Duration.ZERO));
    }

    @Override
    public QueueSpec queue() {
        return spec;
    }

    @Override
    public Item read(Row row) {
        return new Item(row.getUUID("work_id"), row.getString("work_key"), row.getString("behaviour"));
    }

    @Override
    public Uni<List<Outcome>> handle(List<Claimed<Item>> batch) {
        UUID[] ids = batch.stream().map(c -> c.item().id()).toArray(UUID[]::new);
        batch.forEach(c -> handledKeys.add(c.item().key()));
        return pool.preparedQuery("UPDATE probe_work SET handled = handled + 1 WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(ignored -> batch.stream().map(c -> switch (c.item().behaviour()) {
                    case "retry" -> Outcome.retry("asked to retry");
                    case "fail" -> Outcome.failed("asked to fail");
                    case "note" -> Outcome.done("note-" + c.attempt());
                    default -> Outcome.done();
                }).toList());
    }
}
