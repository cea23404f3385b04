package dev.intake.search.event;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.platform.event.Blocking;
import dev.intake.search.service.DocumentIndex;
import dev.intake.search.service.SearchMetrics;

/** What every indexing handler works with, injected as one. */
@ApplicationScoped
public class IndexingTools {

    private final Payloads payloads;
    private final DocumentIndex index;
    private final Blocking blocking;
    private final SearchMetrics metrics;
    private final IndexTargets targets;

    public IndexingTools(Payloads payloads, DocumentIndex index, Blocking blocking, SearchMetrics metrics,
            IndexTargets targets) {
        this.payloads = payloads;
        this.index = index;
        this.blocking = blocking;
        this.metrics = metrics;
        this.targets = targets;
    }

    Payloads payloads() {
        return payloads;
    }

    DocumentIndex index() {
        return index;
    }

    Blocking blocking() {
        return blocking;
    }

    SearchMetrics metrics() {
        return metrics;
    }

    IndexTargets targets() {
        return targets;
    }
}
