package dev.intake.search.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.meilisearch.sdk.Client;
import com.meilisearch.sdk.SearchRequest;
import com.meilisearch.sdk.exceptions.MeilisearchApiException;
import com.meilisearch.sdk.exceptions.MeilisearchException;
import com.meilisearch.sdk.model.DocumentsQuery;
import com.meilisearch.sdk.model.IndexStats;
import com.meilisearch.sdk.model.Settings;
import com.meilisearch.sdk.model.SwapIndexesParams;
import com.meilisearch.sdk.model.Task;
import com.meilisearch.sdk.model.TaskInfo;
import com.meilisearch.sdk.model.TaskStatus;

import dev.intake.search.config.MeiliConfig;

/**
 * The only way this service talks to Meilisearch. Every write waits for its task and checks how it
 * ended ({@code waitForTask} alone reports a failed task as done). Failures become
 * {@link SearchEngineException}: the engine's own text is logged, never shown to a client.
 */
@ApplicationScoped
public class MeiliGateway {

    private static final Logger LOG = Logger.getLogger(MeiliGateway.class);

    private final Client client;
    private final MeiliConfig config;
    private final ObjectMapper json;

    public MeiliGateway(Client client, MeiliConfig config, ObjectMapper json) {
        this.client = client;
        this.config = config;
        this.json = json;
    }

    public String liveIndex() {
        return config.index();
    }

    /** Creates the index when missing and applies the settings, both awaited. */
    public void ensureIndex(String index, Settings settings) {
        call("create index", () -> {
            if (!exists(index)) {
                Task created = awaitTask(client.createIndex(index, "id"));
                if (created.getStatus() != TaskStatus.SUCCEEDED && !"index_already_exists".equals(code(created))) {
                    throw failed("create index", created);
                }
            }
            succeeded("update settings", awaitTask(client.index(index).updateSettings(settings)));
            return null;
        });
    }

    public Settings settings(String index) {
        return call("read settings", () -> client.index(index).getSettings());
    }

    public void addDocuments(String index, List<Map<String, Object>> documents) {
        if (documents.isEmpty()) {
            return;
        }
        String body = toJson(documents);
        call("add documents", () -> succeeded("add documents",
                awaitTask(client.index(index).addDocuments(body, "id"))));
    }

    /** Partial update of existing entries (fields not given stay as they are). */
    public void updateDocuments(String index, List<Map<String, Object>> documents) {
        if (documents.isEmpty()) {
            return;
        }
        String body = toJson(documents);
        call("update documents", () -> succeeded("update documents",
                awaitTask(client.index(index).updateDocuments(body, "id"))));
    }

    public void deleteByFilter(String index, String filter) {
        call("delete documents", () -> succeeded("delete documents",
                awaitTask(client.index(index).deleteDocumentsByFilter(filter))));
    }

    /** Ids of the entries matching the filter, {@code limit} from {@code offset} on. */
    public List<String> ids(String index, String filter, int offset, int limit) {
        JsonNode page = documents(index, filter, offset, limit, new String[] { "id" });
        List<String> ids = new ArrayList<>();
        page.path("results").forEach(hit -> ids.add(hit.path("id").asText()));
        return ids;
    }

    /** Exact number of entries matching the filter. */
    public long count(String index, String filter) {
        return documents(index, filter, 0, 1, new String[] { "id" }).path("total").asLong();
    }

    private JsonNode documents(String index, String filter, int offset, int limit, String[] fields) {
        DocumentsQuery query = new DocumentsQuery().setOffset(offset).setLimit(limit).setFields(fields)
                .setFilter(new String[] { filter });
        return call("read documents", () -> parse(client.index(index).getRawDocuments(query)));
    }

    public JsonNode search(String index, SearchRequest request) {
        return call("search", () -> parse(client.index(index).rawSearch(request)));
    }

    public IndexStats stats(String index) {
        return call("read stats", () -> client.index(index).getStats());
    }

    public boolean exists(String index) {
        return call("read index", () -> {
            try {
                client.getIndex(index);
                return true;
            } catch (MeilisearchApiException e) {
                if ("index_not_found".equals(e.getCode())) {
                    return false;
                }
                throw e;
            }
        });
    }

    public void deleteIndexIfExists(String index) {
        call("delete index", () -> {
            Task task = awaitTask(client.deleteIndex(index));
            if (task.getStatus() != TaskStatus.SUCCEEDED && !"index_not_found".equals(code(task))) {
                throw failed("delete index", task);
            }
            return null;
        });
    }

    /** Swaps the two indexes' contents in one atomic task: searches see one or the other, never an empty index. */
    public void swap(String first, String second) {
        SwapIndexesParams pair = new SwapIndexesParams().setIndexes(new String[] { first, second });
        call("swap indexes", () -> succeeded("swap indexes",
                awaitTask(client.swapIndexes(new SwapIndexesParams[] { pair }))));
    }

    private Task awaitTask(TaskInfo info) throws InterruptedException {
        long deadline = System.nanoTime() + config.taskTimeout().toNanos();
        long pause = 2;
        while (true) {
            Task task = client.getTask(info.getTaskUid());
            TaskStatus status = task.getStatus();
            if (status == TaskStatus.SUCCEEDED || status == TaskStatus.FAILED || status == TaskStatus.CANCELED) {
                return task;
            }
            if (System.nanoTime() > deadline) {
                throw new TaskFailed("task " + info.getTaskUid() + " (" + info.getType() + ") did not end within "
                        + config.taskTimeout());
            }
            Thread.sleep(pause);
            pause = Math.min(pause * 2, 25);
        }
    }

    private static Void succeeded(String what, Task task) {
        if (task.getStatus() != TaskStatus.SUCCEEDED) {
            throw failed(what, task);
        }
        return null;
    }

    private static TaskFailed failed(String what, Task task) {
        return new TaskFailed(what + ": task " + task.getUid() + " ended " + task.getStatus()
                + (task.getError() != null ? " (" + task.getError().getCode() + ": " + task.getError().getMessage() + ")" : ""));
    }

    private static String code(Task task) {
        return task.getError() != null ? task.getError().getCode() : null;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize index entries", e);
        }
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new TaskFailed("unreadable answer from Meilisearch");
        }
    }

    private <T> T call(String what, Checked<T> action) {
        try {
            return action.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SearchEngineException();
        } catch (MeilisearchException | TaskFailed e) {
            LOG.warnf("Meilisearch %s failed: %s", what, e.getMessage());
            throw new SearchEngineException();
        }
    }

    @FunctionalInterface
    private interface Checked<T> {
        T run() throws InterruptedException;
    }

    /** A task that ended FAILED or CANCELED, or did not end in time. */
    static final class TaskFailed extends RuntimeException {
        TaskFailed(String message) {
            super(message, null, false, false);
        }
    }
}
