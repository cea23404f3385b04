package dev.intake.platform.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import dev.intake.platform.correlation.CorrelationId;
import dev.intake.platform.problem.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The consumer side: applies each event once. The event id goes into {@code inbox_event} in the same
 * transaction as the handler's effect; a redelivered id is acknowledged without running the handler.
 * A batch is applied in one transaction; if any of its events fails, each is applied on its own so
 * that the others still land and only the failing one is reported.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    public enum Result {
        APPLIED, DUPLICATE, REJECTED, FAILED;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The outcome of one event of a batch; {@code detail} says why it was rejected or failed. */
    public record Receipt(String eventId, String status, String detail) {
    }

    private final Map<String, EventHandler> handlers;
    private final MeterRegistry registry;

    public Inbox(Instance<EventHandler> handlers, MeterRegistry registry) {
        this.handlers = handlers.stream().collect(Collectors.toMap(EventHandler::type, Function.identity()));
        this.registry = registry;
    }

    public Uni<Result> accept(EventEnvelope event) {
        if (!handlers.containsKey(event.type())) {
            count("unknown", "rejected");
            return Uni.createFrom().failure(unknownType());
        }
        return Panache.withTransaction(() -> apply(event))
                .invoke(result -> count(event.type(), result.wire()));
    }

    /** Applies valid envelopes of a batch; answers one receipt each, in order. */
    public Uni<List<Receipt>> acceptAll(List<EventEnvelope> events) {
        List<EventEnvelope> known = events.stream().filter(e -> handlers.containsKey(e.type())).toList();
        Uni<List<Result>> together = known.isEmpty() ? Uni.createFrom().item(List.of())
                : Panache.withTransaction(() -> recordAll(known).chain(fresh -> Multi.createFrom().iterable(known)
                        .onItem().transformToUniAndConcatenate(event -> fresh.remove(event.eventId())
                                ? run(event).call(Inbox::forgetEntities)
                                : Uni.createFrom().item(Result.DUPLICATE))
                        .collect().asList()));
        return together.map(results -> receipts(events, known, results))
                .onFailure().recoverWithUni(failure -> {
                    LOG.debugf("Batch of %d events failed together (%s); applying them one by one", known.size(),
                            failure.getClass().getSimpleName());
                    return Multi.createFrom().iterable(events).onItem().transformToUniAndConcatenate(this::acceptAlone)
                            .collect().asList();
                })
                .invoke(receipts -> {
                    for (int i = 0; i < receipts.size(); i++) {
                        String type = handlers.containsKey(events.get(i).type()) ? events.get(i).type() : "unknown";
                        count(type, receipts.get(i).status());
                    }
                });
    }

    private List<Receipt> receipts(List<EventEnvelope> events, List<EventEnvelope> known, List<Result> results) {
        List<Receipt> receipts = new ArrayList<>(events.size());
        int k = 0;
        for (EventEnvelope event : events) {
            if (k < known.size() && known.get(k) == event) {
                receipts.add(new Receipt(event.eventId().toString(), results.get(k++).wire(), null));
            } else {
                receipts.add(rejected(event, "this service does not consume events of this type"));
            }
        }
        return receipts;
    }

    private Uni<Receipt> acceptAlone(EventEnvelope event) {
        if (!handlers.containsKey(event.type())) {
            return Uni.createFrom().item(rejected(event, "this service does not consume events of this type"));
        }
        return Panache.withTransaction(() -> apply(event))
                .map(result -> new Receipt(event.eventId().toString(), result.wire(), null))
                .onFailure().recoverWithItem(failure -> {
                    if (failure instanceof ProblemException problem && problem.status() >= 400 && problem.status() < 500) {
                        return rejected(event, describe(problem));
                    }
                    LOG.warnf("Event %s (%s) failed: %s", event.eventId(), event.type(), failure.getClass().getSimpleName());
                    return new Receipt(event.eventId().toString(), Result.FAILED.wire(),
                            "temporary failure (" + failure.getClass().getSimpleName() + ")");
                });
    }

    private static String describe(ProblemException problem) {
        String fields = problem.errors().stream().map(e -> e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
        return problem.getMessage() + (fields.isEmpty() ? "" : " (" + fields + ")");
    }

    private static Receipt rejected(EventEnvelope event, String detail) {
        return new Receipt(event.eventId().toString(), Result.REJECTED.wire(), detail);
    }

    /** Inside the caller's transaction: records the id, and runs the handler unless the id was known. */
    private Uni<Result> apply(EventEnvelope event) {
        return recordAll(List.of(event)).chain(fresh -> fresh.isEmpty() ? Uni.createFrom().item(Result.DUPLICATE)
                : run(event));
    }

    /** Runs the handler, its log lines under the id of the request that caused the event. */
    private Uni<Result> run(EventEnvelope event) {
        if (event.correlationId() != null) {
            org.jboss.logging.MDC.put(CorrelationId.MDC_KEY, CorrelationId.acceptOrGenerate(event.correlationId()));
        }
        return handlers.get(event.type()).handle(event).replaceWith(Result.APPLIED);
    }

    /** Records the ids in one statement; answers those not seen before (the events to run). */
    private static Uni<java.util.Set<java.util.UUID>> recordAll(List<EventEnvelope> events) {
        StringBuilder sql = new StringBuilder("INSERT INTO inbox_event (event_id, type) VALUES ");
        for (int i = 0; i < events.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(:id").append(i).append(", :type").append(i).append(')');
        }
        sql.append(" ON CONFLICT DO NOTHING RETURNING event_id");
        return Panache.getSession().chain(session -> {
            var insert = session.createNativeQuery(sql.toString(), java.util.UUID.class);
            for (int i = 0; i < events.size(); i++) {
                insert.setParameter("id" + i, events.get(i).eventId()).setParameter("type" + i, events.get(i).type());
            }
            return insert.getResultList();
        }).map(java.util.HashSet::new);
    }

    /**
     * Writes an event's entities and detaches them, so the next event's queries do not dirty-check the
     * whole batch again (every query flushes the session first: a batch would cost quadratic time).
     */
    private static Uni<Void> forgetEntities(Result ignored) {
        return Panache.getSession().chain(session -> session.flush().invoke(session::clear));
    }

    private static ProblemException unknownType() {
        return new ProblemException(422, "Unknown event type", "This service does not consume events of this type.");
    }

    private void count(String type, String outcome) {
        registry.counter("inbox_events_total", "type", type, "outcome", outcome).increment();
    }
}
