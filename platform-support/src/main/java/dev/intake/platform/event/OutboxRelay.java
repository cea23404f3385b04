package dev.intake.platform.event;

import java.io.IOException;
import java.io.ByteArrayOutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.work.Claimed;
import dev.intake.platform.work.Outcome;
import dev.intake.platform.work.QueueSpec;
import dev.intake.platform.work.QueueTable;
import dev.intake.platform.work.WorkHandler;
import dev.intake.platform.work.WorkSettings;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Delivers outbox rows as a queue of the work engine. A claimed batch is split by subscriber and sent
 * as few requests as the count and byte bounds allow; the consumer answers an outcome per event, so a
 * poison event dies alone. One event per subscriber and aggregate is in flight at a time (the queue's
 * order key), so each aggregate's events arrive in the order they were recorded.
 */
@Singleton
public class OutboxRelay implements WorkHandler<OutboxRelay.Delivery> {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    /** The work queue of the deliveries. */
    public static final String QUEUE = "events";

    static final QueueTable TABLE = new QueueTable("outbox_delivery", "id", "bigint", "seq", "created_at", "PENDING",
            null, "DELIVERED", "DEAD", "last_error", 300, "delivered_at", null, List.of("subscriber", "aggregate_key"),
            null, null, List.of("event_id", "subscriber"), true);

    /** The claimed delivery of one event to one subscriber. */
    public record Delivery(UUID eventId, String subscriber) {
    }

    private record Event(UUID id, String type, int version, String correlationId, OffsetDateTime occurredAt, long size) {
    }

    private final Pool pool;
    private final EventSender sender;
    private final EventsConfig config;
    private final OutboxMetrics metrics;
    private final ObjectMapper json;
    private final QueueSpec spec;

    public OutboxRelay(Pool pool, EventSender sender, EventsConfig config, OutboxMetrics metrics, ObjectMapper json) {
        this.pool = pool;
        this.sender = sender;
        this.config = config;
        this.metrics = metrics;
        this.json = json;
        EventsConfig.Relay relay = config.relay();
        this.spec = new QueueSpec(QUEUE, TABLE, new WorkSettings(relay.enabled(), relay.batchSize(), relay.concurrency(), relay.lease(),
                relay.maxAttempts(), relay.initialBackoff(), relay.maxBackoff(), relay.pollInterval(), relay.linger()));
    }

    @Override
    public QueueSpec queue() {
        return spec;
    }

    @Override
    public Delivery read(Row row) {
        return new Delivery(row.getUUID("event_id"), row.getString("subscriber"));
    }

    @Override
    public Uni<List<Outcome>> handle(List<Claimed<Delivery>> batch) {
        UUID[] ids = batch.stream().map(c -> c.item().eventId()).distinct().toArray(UUID[]::new);
        return pool.preparedQuery("""
                SELECT id, type, version, correlation_id, occurred_at, pg_column_size(payload) AS size
                FROM outbox_event WHERE id = ANY($1)
                """).execute(Tuple.of(ids)).chain(rows -> {
            Map<UUID, Event> events = new HashMap<>();
            for (Row r : rows) {
                events.put(r.getUUID("id"), new Event(r.getUUID("id"), r.getString("type"), r.getInteger("version"),
                        r.getString("correlation_id"), r.getOffsetDateTime("occurred_at"), r.getLong("size")));
            }
            Map<String, List<Integer>> bySubscriber = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                bySubscriber.computeIfAbsent(batch.get(i).item().subscriber(), s -> new ArrayList<>()).add(i);
            }
            Outcome[] outcomes = new Outcome[batch.size()];
            return Multi.createFrom().iterable(bySubscriber.entrySet())
                    .onItem().transformToUni(e -> deliverTo(e.getKey(), e.getValue(), batch, events, outcomes))
                    .merge(Math.max(1, bySubscriber.size()))
                    .collect().last()
                    .map(ignored -> List.of(outcomes));
        });
    }

    /** The subscriber's share of the batch, in request-sized chunks one after the other (bounded memory). */
    private Uni<Void> deliverTo(String subscriber, List<Integer> positions, List<Claimed<Delivery>> batch,
            Map<UUID, Event> events, Outcome[] outcomes) {
        List<List<Integer>> chunks = new ArrayList<>();
        List<Integer> chunk = new ArrayList<>();
        long bytes = 0;
        for (int position : positions) {
            Event event = events.get(batch.get(position).item().eventId());
            if (event == null) {
                outcomes[position] = Outcome.failed("event no longer stored");
                continue;
            }
            if (!chunk.isEmpty() && (chunk.size() >= config.relay().maxEventsPerRequest()
                    || bytes + event.size() > config.relay().maxRequestBytes())) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                bytes = 0;
            }
            chunk.add(position);
            bytes += event.size();
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return Multi.createFrom().iterable(chunks)
                .onItem().transformToUniAndConcatenate(c -> sendChunk(subscriber, c, batch, events, outcomes))
                .collect().last().replaceWithVoid();
    }

    private Uni<Void> sendChunk(String subscriber, List<Integer> chunk, List<Claimed<Delivery>> batch,
            Map<UUID, Event> events, Outcome[] outcomes) {
        UUID[] ids = chunk.stream().map(p -> batch.get(p).item().eventId()).toArray(UUID[]::new);
        return pool.preparedQuery("SELECT id, payload::text AS payload FROM outbox_event WHERE id = ANY($1)")
                .execute(Tuple.of(ids))
                .map(rows -> {
                    Map<UUID, String> payloads = new HashMap<>();
                    for (Row r : rows) {
                        payloads.put(r.getUUID("id"), r.getString("payload"));
                    }
                    return body(ids, events, payloads);
                })
                .chain(body -> sender.send(subscriber, body, events.get(ids[0]).correlationId()))
                .onItemOrFailure().invoke((response, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Delivery of %d events to %s failed: %s", chunk.size(), subscriber, failure.toString());
                        setAll(subscriber, chunk, outcomes, Outcome.retry(failure.getClass().getSimpleName()));
                    } else {
                        record(subscriber, chunk, batch, response, outcomes);
                    }
                })
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private byte[] body(UUID[] ids, Map<UUID, Event> events, Map<UUID, String> payloads) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = json.getFactory().createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (UUID id : ids) {
                Event e = events.get(id);
                g.writeStartObject();
                g.writeStringField("eventId", id.toString());
                g.writeStringField("type", e.type());
                g.writeNumberField("version", e.version());
                g.writeStringField("occurredAt", e.occurredAt().toInstant().toString());
                g.writeStringField("correlationId", e.correlationId());
                g.writeFieldName("payload");
                // the stored jsonb's text is JSON already: copied, not parsed and written again
                g.writeRawValue(payloads.get(id));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("event batch not written", e);
        }
        return out.toByteArray();
    }

    private void record(String subscriber, List<Integer> chunk, List<Claimed<Delivery>> batch,
            EventSender.Response response, Outcome[] outcomes) {
        DeliveryOutcome overall = DeliveryOutcome.ofStatus(response.status());
        if (overall != DeliveryOutcome.DELIVERED) {
            String reason = "HTTP " + response.status();
            // a whole batch refused may be one bad event or a size limit: only a single event dies for it
            setAll(subscriber, chunk, outcomes, overall == DeliveryOutcome.REJECTED && chunk.size() == 1
                    ? Outcome.failed("rejected with " + reason) : Outcome.retry(reason));
            return;
        }
        Map<String, JsonNode> results = new HashMap<>();
        try {
            for (JsonNode result : json.readTree(response.body()).path("results")) {
                results.put(result.path("eventId").asText(), result);
            }
        } catch (IOException e) {
            LOG.debugf("Unreadable answer from %s: %s", subscriber, e.getClass().getSimpleName());
        }
        for (int position : chunk) {
            JsonNode result = results.get(batch.get(position).item().eventId().toString());
            String status = result == null ? "missing" : result.path("status").asText();
            String detail = result == null ? null : result.path("detail").asText(null);
            Outcome outcome = switch (status) {
                case "applied", "duplicate" -> Outcome.done();
                case "rejected" -> Outcome.failed("rejected" + (detail == null ? "" : ": " + detail));
                default -> Outcome.retry(status + (detail == null ? "" : ": " + detail));
            };
            outcomes[position] = outcome;
            metrics.delivered(subscriber, switch (status) {
                case "applied", "duplicate" -> DeliveryOutcome.DELIVERED;
                case "rejected" -> DeliveryOutcome.REJECTED;
                default -> DeliveryOutcome.RETRY;
            });
        }
    }

    private void setAll(String subscriber, List<Integer> chunk, Outcome[] outcomes, Outcome outcome) {
        for (int position : chunk) {
            outcomes[position] = outcome;
            metrics.delivered(subscriber, outcome.label().equals("done") ? DeliveryOutcome.DELIVERED
                    : outcome.label().equals("failed") ? DeliveryOutcome.REJECTED : DeliveryOutcome.RETRY);
        }
    }
}
