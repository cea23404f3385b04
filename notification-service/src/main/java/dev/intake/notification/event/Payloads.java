package dev.intake.notification.event;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;

/**
 * Reads an event's payload into its record. A payload that does not fit can never be applied, so it is
 * answered 422 and the producer stops retrying it.
 */
@ApplicationScoped
public class Payloads {

    private final ObjectMapper mapper;

    public Payloads(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Reads a v1 payload; a later version may have changed fields this service would misread. */
    public <T> T read(EventEnvelope event, Class<T> type) {
        if (event.version() != 1) {
            throw unusable("version", "only version 1 of " + event.type() + " is understood");
        }
        try {
            return mapper.treeToValue(event.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unusable("payload", "does not match " + event.type() + " v" + event.version());
        }
    }

    public static ProblemException unusable(String field, String message) {
        return new ProblemException(422, "Unusable event", "The event payload cannot be applied.",
                List.of(new Problem.FieldError(field, message)));
    }

    public static <T> T required(T value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            throw unusable(field, "is required");
        }
        return value;
    }
}
