package dev.intake.search.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.intake.platform.problem.ProblemException;
import dev.intake.search.client.DocumentServiceClient;
import dev.intake.search.client.MeiliGateway;
import dev.intake.search.config.SearchConfig;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.ProcessedDocument;

/**
 * Rebuilds the index from document-service into {@code <index>_rebuild}, then swaps it with the live
 * index in one Meilisearch task and drops the old content: searches answer from the old index until
 * the swap and from the new one after, never from an empty one. Events arriving meanwhile are written
 * to both indexes by every replica (see {@link ReindexState}).
 */
@ApplicationScoped
public class ReindexService {

    private static final Logger LOG = Logger.getLogger(ReindexService.class);

    private final MeiliGateway meili;
    private final DocumentServiceClient documents;
    private final ContactDirectory contacts;
    private final IndexEntries entries;
    private final ReindexState state;
    private final int pageSize;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "search-reindex");
        thread.setDaemon(true);
        return thread;
    });

    public ReindexService(MeiliGateway meili, DocumentServiceClient documents, ContactDirectory contacts,
            IndexEntries entries, ReindexState state, SearchConfig config) {
        this.meili = meili;
        this.documents = documents;
        this.contacts = contacts;
        this.entries = entries;
        this.state = state;
        this.pageSize = config.reindexPageSize();
    }

    /** Starts a rebuild in the background; 409 while one runs. */
    public ReindexState.Run start() {
        if (!state.tryStart()) {
            throw new ProblemException(409, "Conflict", "A reindex is already running.");
        }
        worker.submit(this::rebuild);
        return state.current();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void rebuild() {
        String live = meili.liveIndex();
        String building = live + "_rebuild";
        try {
            meili.deleteIndexIfExists(building);
            meili.ensureIndex(building, IndexSettings.documents());
            state.building(building);
            long count = copyAll(building);
            meili.swap(live, building);
            state.finish(ReindexState.Phase.SUCCEEDED, null);
            // after the swap it holds the old content, and no event writes to it any more
            meili.deleteIndexIfExists(building);
            LOG.infof("Reindex done: %d documents, swapped into %s", count, live);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            state.finish(ReindexState.Phase.FAILED, "interrupted");
        } catch (Exception e) {
            LOG.errorf("Reindex failed: %s", e.toString());
            try {
                state.finish(ReindexState.Phase.FAILED, e instanceof ProblemException p ? p.getMessage()
                        : "The rebuild failed (" + e.getClass().getSimpleName() + "); the live index is unchanged.");
            } catch (RuntimeException lost) {
                LOG.warnf("Could not record the failed rebuild: %s", lost.toString());
            }
            try {
                meili.deleteIndexIfExists(building);
            } catch (RuntimeException ignored) {
                // the next rebuild deletes it first anyway
            }
        }
    }

    private long copyAll(String building) throws Exception {
        long count = 0;
        UUID after = null;
        do {
            DocumentServiceClient.Page page = documents.page(after, pageSize);
            Set<UUID> contactIds = page.items().stream().map(ProcessedDocument::contactId).collect(Collectors.toSet());
            Map<UUID, ContactFields> known = contacts.find(contactIds);
            List<Map<String, Object>> batch = new ArrayList<>();
            for (ProcessedDocument document : page.items()) {
                ContactFields contact = known.getOrDefault(document.contactId(), ContactFields.NONE);
                if (contact != ContactDirectory.ERASED) {
                    batch.addAll(entries.of(document, contact));
                    count++;
                }
            }
            meili.addDocuments(building, batch);
            state.progress(count);
            after = page.next();
        } while (after != null);
        return count;
    }
}
