package dev.intake.notification.service;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.notification.model.Notification;
import dev.intake.notification.model.NotificationStatus;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The administrator's view of the delivery log, and manual retries. */
@ApplicationScoped
public class NotificationAdmin {

    public record Found(List<Notification> items, long total) {
    }

    /** Runs in a session opened by the caller. */
    public Uni<Found> list(NotificationFilter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (filter.status() != null) {
            where.add("status = :status");
            params.put("status", filter.status());
        }
        if (filter.template() != null) {
            where.add("template = :template");
            params.put("template", filter.template().key());
        }
        if (filter.from() != null) {
            where.add("createdAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("createdAt < :to");
            params.put("to", filter.to());
        }
        if (filter.contactId() != null) {
            where.add("contactId = :contactId");
            params.put("contactId", filter.contactId());
        }
        String query = String.join(" and ", where);
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        PanacheQuery<Notification> found = where.isEmpty() ? Notification.findAll(newestFirst)
                : Notification.find(query, newestFirst, params);
        return found.page(Page.of(page, size)).list()
                .chain(items -> found.count().map(total -> new Found(items, total)));
    }

    public Uni<Notification> get(UUID id) {
        return Notification.<Notification>findById(id).onItem().ifNull()
                .failWith(() -> new ProblemException(404, "Not found", "No notification with this id."));
    }

    /** Queues a FAILED mail again with fresh attempts; runs in a transaction opened by the caller. */
    public Uni<Notification> retry(UUID id) {
        return get(id).invoke(n -> {
            if (n.status != NotificationStatus.FAILED) {
                throw new ProblemException(409, "Conflict", "Only a FAILED notification can be retried; this one is "
                        + n.status + ".");
            }
            if (n.erasedAt != null) {
                throw new ProblemException(409, "Conflict", "This notification was erased and cannot be sent.");
            }
            n.status = NotificationStatus.PENDING;
            n.attempts = 0;
            n.lastError = null;
            n.nextAttemptAt = OffsetDateTime.now();
        });
    }
}
