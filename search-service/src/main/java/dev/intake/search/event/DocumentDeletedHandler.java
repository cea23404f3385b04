package dev.intake.search.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import dev.intake.search.service.DocumentIndex;
import dev.intake.search.service.SearchMetrics;
import io.smallrye.mutiny.Uni;

/** Removes every entry (chunk) of the document. */
@ApplicationScoped
public class DocumentDeletedHandler implements EventHandler {

    private final Payloads payloads;
    private final DocumentIndex index;
    private final Blocking blocking;
    private final SearchMetrics metrics;
    private final IndexTargets targets;

    public DocumentDeletedHandler(Payloads payloads, DocumentIndex index, Blocking blocking, SearchMetrics metrics,
            IndexTargets targets) {
        this.payloads = payloads;
        this.index = index;
        this.blocking = blocking;
        this.metrics = metrics;
        this.targets = targets;
    }

    @Override
    public String type() {
        return "document.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        payloads.requireVersion(event);
        UUID documentId = payloads.id(event, "documentId");
        return targets.current().chain(indexes -> blocking.run(() -> index.deleteDocument(indexes, documentId)))
                .invoke(() -> metrics.indexed(type(), event.occurredAt()));
    }
}
