package dev.intake.platform.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;

/**
 * Where other services' relays deliver events. Never routed by the edge; needs the caller's pair token
 * (InternalCallFilter), and each event's type must be one its caller may send.
 */
@Path("/internal/events")
public class EventInboxResource {

    private static final Logger LOG = Logger.getLogger(EventInboxResource.class);

    /** More events than this in one request is a producer bug; the relay sends at most its configured count. */
    static final int MAX_BATCH = 500;

    private final Inbox inbox;
    private final ObjectMapper json;
    private final Validator validator;
    private final ServiceTokens tokens;

    public EventInboxResource(Inbox inbox, ObjectMapper json, Validator validator, ServiceTokens tokens) {
        this.inbox = inbox;
        this.json = json;
        this.validator = validator;
        this.tokens = tokens;
    }

    public record Receipt(String status) {
    }

    public record Batch(@NotNull List<JsonNode> events) {
    }

    public record BatchReceipt(List<Inbox.Receipt> results) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply an event once (internal, service token)")
    public Uni<Receipt> receive(@HeaderParam(ServiceTokens.HEADER) String token, @Valid @NotNull EventEnvelope event) {
        ServiceTokens.Caller caller = tokens.authenticate(token);
        if (!caller.maySend(event.type())) {
            LOG.warnf("Refused an event of type %s from %s, which may not send it", event.type(), caller.name());
            throw new ProblemException(403, "Forbidden event type", forbidden(caller, event.type()));
        }
        return inbox.accept(event).map(result -> new Receipt(result.wire()));
    }

    @POST
    @Path("batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Apply a batch of events, each once, with an outcome per event (internal, service token)")
    public Uni<BatchReceipt> receiveBatch(@HeaderParam(ServiceTokens.HEADER) String token, @Valid @NotNull Batch batch) {
        // the filter has authenticated the call already: this only names the caller
        ServiceTokens.Caller caller = tokens.authenticate(token);
        if (batch.events().size() > MAX_BATCH) {
            throw ProblemException.badField("events", "at most " + MAX_BATCH + " events per request");
        }
        List<EventEnvelope> valid = new ArrayList<>();
        Inbox.Receipt[] receipts = new Inbox.Receipt[batch.events().size()];
        for (int i = 0; i < receipts.length; i++) {
            JsonNode node = batch.events().get(i);
            String id = node == null ? null : node.path("eventId").asText(null);
            EventEnvelope envelope;
            try {
                envelope = json.treeToValue(node, EventEnvelope.class);
            } catch (Exception e) {
                receipts[i] = new Inbox.Receipt(id, Inbox.Result.REJECTED.wire(), "not an event envelope");
                continue;
            }
            Set<ConstraintViolation<EventEnvelope>> violations = envelope == null ? Set.of() : validator.validate(envelope);
            if (envelope == null || !violations.isEmpty()) {
                receipts[i] = new Inbox.Receipt(id, Inbox.Result.REJECTED.wire(), violations.stream()
                        .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
                continue;
            }
            if (!caller.maySend(envelope.type())) {
                // a forged or misrouted event dies alone; the relay dead-letters it, its neighbours land
                LOG.warnf("Refused an event of type %s from %s, which may not send it", envelope.type(), caller.name());
                receipts[i] = new Inbox.Receipt(id, Inbox.Result.REJECTED.wire(), forbidden(caller, envelope.type()));
                continue;
            }
            valid.add(envelope);
        }
        return inbox.acceptAll(valid).map(applied -> {
            int k = 0;
            for (int i = 0; i < receipts.length; i++) {
                if (receipts[i] == null) {
                    receipts[i] = applied.get(k++);
                }
            }
            return new BatchReceipt(List.of(receipts));
        });
    }

    private static String forbidden(ServiceTokens.Caller caller, String type) {
        return "caller " + caller.name() + " may not send events of type " + type + " to this service";
    }
}
