package dev.intake.platform.work;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import dev.intake.platform.event.Backoff;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;

/**
 * Runs one queue: a loop claims a batch, hands it to the handler and records the outcomes, until nothing
 * is due; while batches come back full, up to {@code concurrency} loops work side by side. Woken by NOTIFY, by the due time of a retry and by the
 * poll; a wake-up while every loop is busy makes a loop go round once more, so nothing committed is missed.
 * With a linger, a loop woken from idle and a loop whose last batch was not full wait that long before
 * they claim, so that a trickle of items is claimed in batches.
 */
final class WorkQueue<T> {

    private static final Logger LOG = Logger.getLogger(WorkQueue.class);

    private final WorkHandler<T> handler;
    private final WorkSettings settings;
    private final QueueTable table;
    private final WorkRepository repository;
    private final WorkMetrics metrics;
    private final Vertx vertx;
    private final Backoff backoff;
    private final AtomicInteger loops = new AtomicInteger();
    private final AtomicBoolean woken = new AtomicBoolean();
    private final long lingerMillis;
    private volatile boolean stopping;

    WorkQueue(WorkHandler<T> handler, WorkRepository repository, WorkMetrics metrics, Vertx vertx) {
        this.handler = handler;
        this.settings = handler.queue().settings();
        this.table = handler.queue().table();
        this.repository = repository;
        this.metrics = metrics;
        this.vertx = vertx;
        this.lingerMillis = settings.linger().toMillis();
        this.backoff = new Backoff(settings.initialBackoff(), settings.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    String name() {
        return handler.queue().name();
    }

    String channel() {
        return table.channel();
    }

    WorkSettings settings() {
        return settings;
    }

    WorkRepository repository() {
        return repository;
    }

    void wakeUp() {
        if (stopping || !settings.enabled()) {
            return;
        }
        woken.set(true);
        if (loops.get() == 0) {
            // a running loop goes round again for this wake-up; more loops start only for full batches
            startLoop(true);
        }
    }

    private void startLoop(boolean mayLinger) {
        int running;
        do {
            running = loops.get();
            if (running >= settings.concurrency() || stopping) {
                return;
            }
        } while (!loops.compareAndSet(running, running + 1));
        woken.set(false);
        if (mayLinger && lingerMillis > 0) {
            lingerThenCycle();
        } else {
            runCycle();
        }
    }

    private void lingerThenCycle() {
        vertx.setTimer(lingerMillis, id -> {
            if (stopping) {
                loopEnded();
            } else {
                runCycle();
            }
        });
    }

    /** On a fresh duplicated Vert.x context each time, marked safe, as handlers using Hibernate Reactive need. */
    private void runCycle() {
        try {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(this::cycle).subscribe().with(this::afterCycle, this::cycleFailed));
        } catch (RuntimeException e) {
            cycleFailed(e);
        }
    }

    private void cycleFailed(Throwable failure) {
        LOG.warnf(failure, "Work queue %s: a pass failed (%s)", name(), failure.getClass().getSimpleName());
        loopEnded();
    }

    private void afterCycle(Integer claimed) {
        if (claimed == 0 || stopping) {
            loopEnded();
            return;
        }
        if (claimed >= settings.batchSize()) {
            // a full batch: more is probably due, let another loop help at once
            startLoop(false);
            runCycle();
        } else if (lingerMillis > 0) {
            lingerThenCycle();
        } else {
            runCycle();
        }
    }

    private void loopEnded() {
        loops.decrementAndGet();
        if (woken.get()) {
            startLoop(true);
        }
    }

    /** One claim, worked off and recorded; answers how many items were claimed. */
    Uni<Integer> cycle() {
        return repository.claim(settings.batchSize(), settings.lease(), handler::read)
                .chain(batch -> batch.isEmpty() ? Uni.createFrom().item(0) : work(batch).replaceWith(batch.size()));
    }

    private Uni<Void> work(List<Claimed<T>> batch) {
        metrics.claimed(name(), batch.size());
        List<Claimed<T>> fresh = new ArrayList<>(batch.size());
        List<Claimed<T>> exhausted = new ArrayList<>();
        for (Claimed<T> item : batch) {
            (item.attempt() > settings.maxAttempts() ? exhausted : fresh).add(item);
        }
        int step = Math.max(1, handler.recordEvery());
        List<List<Claimed<T>>> steps = new ArrayList<>();
        for (int from = 0; from < fresh.size(); from += step) {
            steps.add(fresh.subList(from, Math.min(fresh.size(), from + step)));
        }
        Uni<Void> worked = Multi.createFrom().iterable(steps)
                .onItem().transformToUniAndConcatenate(part -> handled(part).chain(this::record))
                .collect().last().replaceWithVoid();
        if (exhausted.isEmpty()) {
            return worked;
        }
        String reason = "gave up after " + settings.maxAttempts() + " attempts that never finished (worker lost)";
        return worked.chain(() -> safely(() -> handler.exhausted(exhausted, reason), exhausted)
                .map(outcomes -> {
                    List<WorkRepository.Finish> finishes = new ArrayList<>(exhausted.size());
                    for (int i = 0; i < exhausted.size(); i++) {
                        Outcome o = outcomes.get(i);
                        finishes.add(terminal(exhausted.get(i), o.kind == Outcome.Kind.RETRY ? Outcome.failed(reason) : o));
                    }
                    return finishes;
                })
                .chain(this::record));
    }

    private Uni<List<WorkRepository.Finish>> handled(List<Claimed<T>> items) {
        long start = System.nanoTime();
        return safely(() -> handler.handle(items), items).map(outcomes -> decide(items, outcomes))
                .invoke(() -> metrics.worked(name(), Duration.ofNanos(System.nanoTime() - start)));
    }

    /** Records outcomes in one statement and wakes the queue when the earliest retry is due. */
    private Uni<Void> record(List<WorkRepository.Finish> finishes) {
        return repository.finish(finishes).invoke(updated -> {
            if (updated < finishes.size()) {
                LOG.debugf("Work queue %s: %d of %d items were taken over before they finished", name(),
                        finishes.size() - updated, finishes.size());
            }
            long due = finishes.stream().filter(f -> f.waitMillis() != null).mapToLong(WorkRepository.Finish::waitMillis)
                    .min().orElse(-1);
            if (due >= 0) {
                vertx.setTimer(Math.max(1, due), id -> wakeUp());
            }
        }).replaceWithVoid();
    }

    /** The handler's answer, or a retry of every item when it failed or answered the wrong count. */
    private Uni<List<Outcome>> safely(java.util.function.Supplier<Uni<List<Outcome>>> work, List<Claimed<T>> items) {
        Uni<List<Outcome>> result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            result = Uni.createFrom().failure(e);
        }
        return result.map(outcomes -> {
            if (outcomes == null || outcomes.size() != items.size()) {
                throw new IllegalStateException("handler answered " + (outcomes == null ? 0 : outcomes.size())
                        + " outcomes for " + items.size() + " items");
            }
            return outcomes;
        }).onFailure().recoverWithItem(failure -> {
            LOG.warnf(failure, "Work queue %s: handler failed on %d items", name(), items.size());
            String reason = "temporary failure (" + failure.getClass().getSimpleName() + ")";
            return items.stream().map(i -> Outcome.retry(reason)).toList();
        });
    }

    private List<WorkRepository.Finish> decide(List<Claimed<T>> items, List<Outcome> outcomes) {
        List<WorkRepository.Finish> finishes = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            Claimed<T> item = items.get(i);
            Outcome outcome = outcomes.get(i);
            if (outcome.kind == Outcome.Kind.RETRY) {
                if (item.attempt() >= settings.maxAttempts()) {
                    finishes.add(terminal(item, Outcome.failed(outcome.reason + " (gave up after " + item.attempt()
                            + " attempts)")));
                    continue;
                }
                long wait = backoff.after(item.attempt()).toMillis();
                if (outcome.wait != null) {
                    wait = Math.max(wait, outcome.wait.toMillis());
                }
                metrics.outcome(name(), "retry");
                finishes.add(new WorkRepository.Finish(item, table.ready(), outcome.reason, wait, null));
            } else {
                finishes.add(terminal(item, outcome));
            }
        }
        return finishes;
    }

    private WorkRepository.Finish terminal(Claimed<T> item, Outcome outcome) {
        metrics.outcome(name(), outcome.label());
        return switch (outcome.kind) {
            case DONE -> new WorkRepository.Finish(item, table.done(), null, null, outcome.note);
            case FAILED -> new WorkRepository.Finish(item, table.failed(), outcome.reason, null, null);
            case ENDED -> new WorkRepository.Finish(item, outcome.status, outcome.reason, null, null);
            case RETRY -> throw new IllegalArgumentException("not terminal");
        };
    }

    /** Stops claiming and waits, at most {@code grace}, for the batches in hand to be recorded. */
    void stop(Duration grace) {
        stopping = true;
        long deadline = System.nanoTime() + grace.toNanos();
        while (loops.get() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        if (loops.get() > 0) {
            LOG.warnf("Work queue %s: %d batches still in hand at shutdown; their leases will expire", name(), loops.get());
        }
    }
}
