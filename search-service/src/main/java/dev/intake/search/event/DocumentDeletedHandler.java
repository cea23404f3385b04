package dev.intake.search.event;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.EventEnvelope;
import dev.intake.platform.event.EventHandler;
import io.smallrye.mutiny.Uni;

/** Removes every entry (chunk) of the document. */
@ApplicationScoped
public class DocumentDeletedHandler implements EventHandler {

    private final IndexingTools tools;

    public DocumentDeletedHandler(IndexingTools tools) {
        this.tools = tools;
    }

    @Override
    public String type() {
        return "document.deleted";
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        tools.payloads().requireVersion(event);
        UUID documentId = tools.payloads().id(event, "documentId");
        return tools.targets().current().chain(indexes -> tools.blocking().run(() -> tools.index().deleteDocument(indexes, documentId)))
                .invoke(() -> tools.metrics().indexed(type(), event.occurredAt()));
    }
}
