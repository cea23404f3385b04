package dev.intake.document.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.intake.document.event.DocumentEvents;
import dev.intake.document.insight.Insights;
import dev.intake.document.model.Document;
import dev.intake.document.model.DocumentStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

/** Processed documents in the shape of {@code document.processed}, in id order, for rebuilding indexes. */
@ApplicationScoped
public class ProcessedDocuments {

    private final ObjectMapper json;

    public ProcessedDocuments(ObjectMapper json) {
        this.json = json;
    }

    @WithSession
    public Uni<List<DocumentEvents.Processed>> after(UUID cursor, int limit) {
        String where = "status in :done" + (cursor == null ? "" : " and id > :after");
        Parameters params = Parameters.with("done", List.of(DocumentStatus.COMPLETED, DocumentStatus.FAILED));
        if (cursor != null) {
            params.and("after", cursor);
        }
        return Document.<Document>find(where, Sort.ascending("id"), params).page(0, limit).list()
                .chain(documents -> Panache.getSession().chain(session -> session.createNativeQuery(
                        "SELECT id, insights::text, COALESCE(extracted_text, '') FROM document WHERE id IN (:ids)", Object[].class)
                        .setParameter("ids", documents.isEmpty() ? List.of(UUID.randomUUID()) : documents.stream().map(d -> d.id).toList())
                        .getResultList())
                        .map(rows -> {
                            java.util.Map<Object, Object[]> byId = new java.util.HashMap<>();
                            rows.forEach(r -> byId.put(r[0], r));
                            List<DocumentEvents.Processed> out = new ArrayList<>();
                            for (Document d : documents) {
                                Object[] row = byId.get(d.id);
                                out.add(DocumentEvents.Processed.of(d, insights(row == null ? null : (String) row[1]),
                                        row == null ? "" : (String) row[2]));
                            }
                            return out;
                        }));
    }

    private Insights insights(String text) {
        if (text == null || text.equals("{}")) {
            return null;
        }
        try {
            return json.readerFor(Insights.class).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
