package dev.intake.platform.work;

import java.util.List;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;

/**
 * One queue of background work: where its items live, how hard to work, and what to do with a claimed
 * batch. The {@link WorkEngine} finds every handler bean and runs its queue: claims, leases, attempts,
 * backoff, wake-ups, metrics and a graceful stop are the engine's; the handler only does the work.
 */
public interface WorkHandler<T> {

    /** The queue's name, table and settings. */
    QueueSpec queue();

    /** What the handler needs of a claimed row (the key and the columns of {@link QueueTable#returning()}). */
    T read(Row row);

    /**
     * Works off a claimed batch; answers one outcome per item, in the batch's order. A failed Uni
     * counts as a retry of every item of the batch.
     */
    Uni<List<Outcome>> handle(List<Claimed<T>> batch);

    /**
     * How many items of a claimed batch are handled before their outcomes are recorded: by default the
     * whole batch, in one statement. Work with effects outside the database that a retry would repeat
     * (a mail handed to SES) records in smaller steps, so a worker that dies mid-batch leaves at most one
     * step's finished items to be done again instead of the whole batch's.
     */
    default int recordEvery() {
        return Integer.MAX_VALUE;
    }

    /**
     * Items whose attempts are used up by claims that never finished (the worker crashed each time).
     * By default they end as failed with the reason given; a queue that must tell others (an event) overrides it.
     */
    default Uni<List<Outcome>> exhausted(List<Claimed<T>> items, String reason) {
        return Uni.createFrom().item(items.stream().map(i -> Outcome.failed(reason)).toList());
    }
}
