package dev.intake.search.event;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.problem.Problem;
import dev.intake.platform.problem.ProblemException;

/** Reads payloads; one that can never be applied is a 422, so the producer dead-letters it at once. */
@ApplicationScoped
public class Payloads {

    private final ObjectMapper json;

    public Payloads(ObjectMapper json) {
        this.json = json;
    }

    public <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return json.treeToValue(event.payload(), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw unusable(event, "payload does not match " + event.type() + " v" + event.version());
        }
    }

    public UUID id(EventEnvelope event, String field) {
        JsonNode value = event.payload().get(field);
        if (value == null || !value.isTextual()) {
            throw unusable(event, field + " is missing");
        }
        try {
            return UUID.fromString(value.asText());
        } catch (IllegalArgumentException e) {
            throw unusable(event, field + " is not a UUID");
        }
    }

    public void requireVersion(EventEnvelope event) {
        if (event.version() != 1) {
            throw unusable(event, "version " + event.version() + " is not supported");
        }
    }

    static ProblemException unusable(EventEnvelope event, String why) {
        return new ProblemException(422, "Unprocessable content", "The event cannot be applied.",
                List.of(new Problem.FieldError("payload", why)));
    }
}
