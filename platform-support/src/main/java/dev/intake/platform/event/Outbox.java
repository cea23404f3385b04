package dev.intake.platform.event;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.id.Uuids;
import dev.intake.platform.correlation.CorrelationIdFilters;
import dev.intake.platform.work.WorkEngine;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * The producer side: records an event and one delivery per interested subscriber in the caller's
 * transaction or statement. Either call {@link #publish} inside {@code @WithTransaction} next to the domain
 * change, or take an {@link #entry} and put its insert into the producer's own statement as common table
 * expressions ({@link Entry#ctes}); either way the relay delivers after commit, so a rolled-back change never
 * emits its event. Both ways run the same insert. After the commit, call {@link #committed} so this replica's
 * relay starts at once; the other replicas find the deliveries by their poll.
 */
@ApplicationScoped
public class Outbox {

    /** Name of the entry's common table expression that returns the inserted event's {@code id, seq}. */
    public static final String EVENT_CTE = "outbox_event_row";
    /** Name of the entry's common table expression that inserts the deliveries. */
    public static final String DELIVERIES_CTE = "outbox_delivery_rows";

    private final EventsConfig config;
    private final ObjectMapper json;
    private final WorkEngine engine;

    public Outbox(EventsConfig config, ObjectMapper json, WorkEngine engine) {
        this.config = config;
        this.json = json;
        this.engine = engine;
    }

    /**
     * Wakes this replica's relay: call it once the transaction that published has committed. The outbox
     * table has no NOTIFY trigger on purpose: NOTIFY takes one database-wide lock from commit to commit, and
     * with a NOTIFY in every submission the commits of all intake requests queued behind each other.
     */
    public void committed() {
        engine.wakeUp(OutboxRelay.QUEUE);
    }

    /** Appends an event for the aggregate in the current Hibernate Reactive transaction; returns its id. */
    public Uni<UUID> publish(String aggregateType, String aggregateId, String type, int version, Object payload) {
        Entry entry;
        try {
            entry = entry(aggregateType, aggregateId, type, version, payload);
        } catch (IllegalArgumentException e) {
            return Uni.createFrom().failure(e);
        }
        return Panache.getSession().chain(session -> {
            var query = session.createNativeQuery(Entry.statement(i -> ":" + Entry.name(i)));
            for (int i = 1; i <= Entry.PARAMETERS; i++) {
                query.setParameter(Entry.name(i), entry.values[i - 1]);
            }
            return query.executeUpdate();
        }).replaceWith(entry.eventId());
    }

    /**
     * The event, its id and correlation id fixed now, for the producer's own statement: put
     * {@link Entry#ctes(int)} into its {@code WITH} clause and append the entry's parameters
     * ({@link Entry#addTo}, {@link Entry#parameters()}) to its own. One entry per statement (the CTE names are
     * fixed). The SQL depends only on the offset, so a producer can keep its statement as a constant.
     *
     * @throws IllegalArgumentException if the payload is not serialisable to JSON
     */
    public Entry entry(String aggregateType, String aggregateId, String type, int version, Object payload) {
        String body;
        try {
            body = json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event payload is not serialisable", e);
        }
        return new Entry(Uuids.timeOrdered(), aggregateType, aggregateId, type, version, body,
                CorrelationIdFilters.current(), Instant.now(), String.join(",", subscribersOf(type)));
    }

    List<String> subscribersOf(String type) {
        return config.subscribers().entrySet().stream()
                .filter(e -> e.getValue().types().contains(type))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /**
     * One event and its deliveries as SQL: the insert of {@code outbox_event} (CTE {@value #EVENT_CTE},
     * returning {@code id, seq}) and of one {@code outbox_delivery} per subscriber (CTE
     * {@value #DELIVERIES_CTE}), with {@value #PARAMETERS} parameters.
     */
    public static final class Entry {

        /** How many parameters the entry's SQL takes. */
        public static final int PARAMETERS = 10;

        private final UUID eventId;
        private final Object[] values;

        private Entry(UUID eventId, String aggregateType, String aggregateId, String type, int version,
                String payload, String correlationId, Instant occurredAt, String subscribers) {
            this.eventId = eventId;
            // in the order of the placeholders 1..PARAMETERS below
            this.values = new Object[] { eventId, aggregateType, aggregateId, type, version, payload, correlationId,
                    OffsetDateTime.ofInstant(occurredAt, ZoneOffset.UTC), aggregateType + ":" + aggregateId,
                    subscribers };
        }

        public UUID eventId() {
            return eventId;
        }

        /** The parameter values, in the order of the placeholders {@code $(offset + 1)} to {@code $(offset + 10)}. */
        public List<Object> parameters() {
            return Collections.unmodifiableList(Arrays.asList(values));
        }

        /** Appends the parameter values to the tuple; the tuple's size before is the offset for {@link #ctes(int)}. */
        public Tuple addTo(Tuple tuple) {
            for (Object value : values) {
                tuple.addValue(value);
            }
            return tuple;
        }

        /**
         * The two common table expressions, {@value #EVENT_CTE} and {@value #DELIVERIES_CTE}, comma-separated,
         * for a {@code WITH} clause; their placeholders are {@code $(offset + 1)} to {@code $(offset + 10)}.
         */
        public static String ctes(int offset) {
            return ctes(offset, null);
        }

        /**
         * As {@link #ctes(int)}, but the event (and so its deliveries) is inserted only when {@code condition}, an
         * SQL boolean expression of the enclosing statement (e.g. {@code EXISTS (SELECT 1 FROM claim)}), holds.
         */
        public static String ctes(int offset, String condition) {
            IntFunction<String> placeholder = i -> "$" + (offset + i);
            return EVENT_CTE + " AS (" + insertEvent(placeholder, condition) + "),\n" + DELIVERIES_CTE + " AS ("
                    + insertDeliveries(placeholder) + " RETURNING event_id)";
        }

        /** The statement {@link Outbox#publish} runs: the event as CTE, the deliveries as the main insert. */
        static String statement(IntFunction<String> placeholder) {
            return "WITH " + EVENT_CTE + " AS (" + insertEvent(placeholder, null) + ")\n" + insertDeliveries(placeholder);
        }

        /** The name of the i-th parameter for Hibernate's named placeholders ({@code :p<i>}). */
        static String name(int i) {
            return "p" + i;
        }

        // The payload goes in as text: a parameter typed jsonb would make the driver encode the Java string as a
        // JSON string value instead of parsing it.
        private static String insertEvent(IntFunction<String> p, String condition) {
            String row = String.join(", ", p.apply(1), p.apply(2), p.apply(3), p.apply(4), p.apply(5),
                    "CAST(CAST(" + p.apply(6) + " AS text) AS jsonb)", p.apply(7), p.apply(8));
            String source = condition == null ? "VALUES (" + row + ")" : "SELECT " + row + " WHERE " + condition;
            return "INSERT INTO outbox_event (id, aggregate_type, aggregate_id, type, version, payload, correlation_id,"
                    + " occurred_at)\n    " + source + "\n    RETURNING id, seq";
        }

        private static String insertDeliveries(IntFunction<String> p) {
            return "INSERT INTO outbox_delivery (event_id, subscriber, seq, aggregate_key)\n    SELECT " + EVENT_CTE
                    + ".id, subscriber, " + EVENT_CTE + ".seq, " + p.apply(9) + "\n    FROM " + EVENT_CTE
                    + ", unnest(string_to_array(" + p.apply(10) + ", ',')) AS subscriber";
        }
    }
}
