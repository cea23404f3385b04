package dev.intake.notification.service;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.intake.notification.repository.NotificationStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;

/**
 * Turns due digest windows of every kind into delivery log rows, in one transaction with their deletion. The
 * windows are locked, so of several replicas flushing at once only one queues a window's mail.
 */
@ApplicationScoped
public class DigestFlusher {

    private static final Logger LOG = Logger.getLogger(DigestFlusher.class);

    private final List<DigestKind> kinds;
    private final NotificationStore store;
    private final Pool pool;

    public DigestFlusher(Instance<DigestKind> kinds, NotificationStore store, Pool pool) {
        this.kinds = kinds.stream().toList();
        this.store = store;
        this.pool = pool;
    }

    @Scheduled(every = "${intake.mail.digest.flush-interval:30S}", delayed = "1S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> flushDue() {
        return flush().replaceWithVoid();
    }

    /** Returns how many windows were closed. */
    public Uni<Integer> flush() {
        return Multi.createFrom().iterable(kinds)
                .onItem().transformToUniAndConcatenate(kind -> flush(kind)
                        .onFailure().invoke(e -> LOG.warnf(e, "Digest flush failed (%s)", kind.getClass().getSimpleName()))
                        .onFailure().recoverWithItem(0))
                .collect().with(Collectors.summingInt(closed -> closed));
    }

    // Each kind in a transaction of its own: the locks of one kind's windows never wait behind another's
    // (an inbox batch may hold a window of each kind).
    private Uni<Integer> flush(DigestKind kind) {
        return pool.withTransaction(connection -> kind.lockDue(connection)
                .chain(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(digest -> queue(connection, kind, digest))
                        .collect().asList().replaceWith(due.size())));
    }

    private Uni<Void> queue(SqlConnection connection, DigestKind kind, DueDigest digest) {
        Uni<Void> mail = digest.mail() == null ? Uni.createFrom().voidItem()
                : store.insert(connection, digest.windowId(), digest.template(), digest.contactId(), digest.mail());
        return mail.chain(() -> kind.close(connection, digest));
    }
}
