package dev.intake.contact.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.contact.model.Contact;
import dev.intake.contact.model.ContactStatus;
import dev.intake.contact.rest.ContactViews;
import dev.intake.platform.event.Outbox;
import dev.intake.platform.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** The administrator's view of submissions: list, detail, status and erasure. */
@ApplicationScoped
public class ContactAdministration {

    public record ContactDeleted(UUID contactId, Instant deletedAt) {
    }

    private final Outbox outbox;
    private final ObjectMapper json;

    public ContactAdministration(Outbox outbox, ObjectMapper json) {
        this.outbox = outbox;
        this.json = json;
    }

    @WithSession
    public Uni<ContactViews.Page> list(ContactQuery query) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (query.status() != null) {
            where.append(" and status = :status");
            params.and("status", query.status());
        }
        if (query.source() != null) {
            where.append(" and source = :source");
            params.and("source", query.source());
        }
        if (query.createdFrom() != null) {
            where.append(" and createdAt >= :from");
            params.and("from", query.createdFrom());
        }
        if (query.createdTo() != null) {
            where.append(" and createdAt < :to");
            params.and("to", query.createdTo());
        }
        if (query.text() != null) {
            where.append(" and (lower(name) like :text escape '\\' or lower(email) like :text escape '\\'"
                    + " or lower(company) like :text escape '\\')");
            params.and("text", "%" + likeEscaped(query.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        var found = Contact.<Contact>find(where.toString(), Sort.descending("createdAt", "id"), params);
        return found.page(query.page(), query.size()).list()
                .chain(items -> found.count().map(total -> new ContactViews.Page(
                        items.stream().map(ContactViews.Summary::of).toList(), query.page(), query.size(), total)));
    }

    @WithSession
    public Uni<ContactViews.Detail> detail(UUID id) {
        return Contact.<Contact>findById(id).onItem().ifNull().failWith(ContactAdministration::notFound)
                .chain(contact -> documentsOf(id).map(documents -> detailOf(contact, documents)));
    }

    @WithTransaction
    public Uni<ContactViews.Detail> changeStatus(UUID id, ContactStatus status, String by) {
        return Contact.<Contact>findById(id).onItem().ifNull().failWith(ContactAdministration::notFound)
                .chain(contact -> {
                    contact.status = status.wire();
                    contact.statusChangedBy = by;
                    contact.statusChangedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                    return documentsOf(id).map(documents -> detailOf(contact, documents));
                });
    }

    /** Erasure: the row goes now; {@code contact.deleted} makes the other services remove what they hold. */
    public Uni<Void> erase(UUID id) {
        return Panache.withTransaction(() -> Contact.<Contact>findById(id)
                .onItem().ifNull().failWith(ContactAdministration::notFound)
                .chain(contact -> contact.delete())
                .chain(() -> outbox.publish("contact", id.toString(), "contact.deleted", 1,
                        new ContactDeleted(id, Instant.now()))))
                .invoke(outbox::committed)
                .replaceWithVoid();
    }

    private Uni<List<JsonNode>> documentsOf(UUID id) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                "SELECT documents::text FROM contact_submission WHERE id = :id", String.class)
                .setParameter("id", id).getSingleResultOrNull())
                .map(text -> {
                    List<JsonNode> documents = new ArrayList<>();
                    if (text != null) {
                        try {
                            json.readTree(text).elements().forEachRemaining(documents::add);
                        } catch (JsonProcessingException e) {
                            throw new IllegalStateException("contact documents column is not JSON", e);
                        }
                    }
                    documents.sort((a, b) -> b.path("uploadedAt").asText().compareTo(a.path("uploadedAt").asText()));
                    return documents;
                });
    }

    private static ContactViews.Detail detailOf(Contact c, List<JsonNode> documents) {
        return new ContactViews.Detail(c.id, c.name, c.email, c.message, c.company, c.service, c.budget, c.source,
                c.userAgent, c.pageUrl, c.status, c.statusChangedBy, c.statusChangedAt, c.createdAt, documents,
                insights(documents));
    }

    /** Aggregated over the contact's documents: counts by status, languages, the most frequent keywords. */
    static Map<String, Object> insights(List<JsonNode> documents) {
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        Map<String, Integer> languages = new LinkedHashMap<>();
        Map<String, Integer> keywords = new HashMap<>();
        long bytes = 0;
        for (JsonNode d : documents) {
            byStatus.merge(d.path("status").asText("UNKNOWN"), 1, Integer::sum);
            if (d.hasNonNull("language")) {
                languages.merge(d.get("language").asText(), 1, Integer::sum);
            }
            d.path("keywords").forEach(k -> keywords.merge(k.asText(), 1, Integer::sum));
            bytes += d.path("sizeBytes").asLong();
        }
        List<String> topKeywords = keywords.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(10).map(Map.Entry::getKey).toList();
        Map<String, Object> insights = new LinkedHashMap<>();
        insights.put("documentCount", documents.size());
        insights.put("totalBytes", bytes);
        insights.put("byStatus", byStatus);
        insights.put("languages", languages);
        insights.put("topKeywords", topKeywords);
        return insights;
    }

    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static ProblemException notFound() {
        return new ProblemException(404, "Not found", "No contact with this id.");
    }
}
