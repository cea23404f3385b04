package dev.intake.platform.event;

import java.time.OffsetDateTime;
import java.util.UUID;

import io.vertx.mutiny.sqlclient.Row;

/** A delivery a relay has leased: the event to send (its payload is read when it is sent) and the attempt this is. */
record ClaimedDelivery(UUID eventId, String subscriber, int attempt, String type, int version,
        String correlationId, OffsetDateTime occurredAt) {

    static ClaimedDelivery from(Row row) {
        return new ClaimedDelivery(row.getUUID("event_id"), row.getString("subscriber"), row.getInteger("attempts"),
                row.getString("type"), row.getInteger("version"), row.getString("correlation_id"),
                row.getOffsetDateTime("occurred_at"));
    }
}
