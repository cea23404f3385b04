package dev.intake.search.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.search.client.MeiliGateway;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.ProcessedDocument;

/**
 * Index writes, blocking (call from a worker thread), to each of the target indexes: the live one and,
 * while a rebuild runs, the one being built ({@code IndexTargets}). Every write is idempotent: applying
 * an event twice leaves the same index.
 */
@ApplicationScoped
public class DocumentIndex {

    /** Entries read per request when updating a contact's entries. */
    private static final int PAGE = 1000;

    private final MeiliGateway meili;
    private final IndexEntries entries;

    public DocumentIndex(MeiliGateway meili, IndexEntries entries) {
        this.meili = meili;
        this.entries = entries;
    }

    public void upsert(List<String> targets, ProcessedDocument document, ContactFields contact) {
        List<Map<String, Object>> documentEntries = entries.of(document, contact);
        for (String index : targets) {
            upsert(index, document.documentId(), documentEntries);
        }
    }

    /**
     * Writes the entries, then drops the chunks a longer earlier text left beyond them: no empty window.
     * The read first spares the usual case a second write task (each costs an index commit).
     */
    public void upsert(String index, UUID documentId, List<Map<String, Object>> documentEntries) {
        meili.addDocuments(index, documentEntries);
        String stale = IndexEntries.staleChunks(documentId, documentEntries.size());
        if (meili.count(index, stale) > 0) {
            meili.deleteByFilter(index, stale);
        }
    }

    public void deleteDocument(List<String> targets, UUID documentId) {
        for (String index : targets) {
            meili.deleteByFilter(index, "documentId = " + Filters.quote(documentId.toString()));
        }
    }

    public void deleteContact(List<String> targets, UUID contactId) {
        for (String index : targets) {
            meili.deleteByFilter(index, contactFilter(contactId));
        }
    }

    /** Sets the contact's name and company on the entries that exist (a partial update would create missing ones). */
    public void updateContact(List<String> targets, UUID contactId, ContactFields contact) {
        for (String index : targets) {
            List<String> ids;
            int offset = 0;
            do {
                ids = meili.ids(index, contactFilter(contactId), offset, PAGE);
                List<Map<String, Object>> updates = new ArrayList<>(ids.size());
                for (String id : ids) {
                    Map<String, Object> update = new LinkedHashMap<>();
                    update.put("id", id);
                    update.put("contactName", Snippets.clean(contact.name()));
                    update.put("contactCompany", Snippets.clean(contact.company()));
                    updates.add(update);
                }
                meili.updateDocuments(index, updates);
                offset += PAGE;
            } while (ids.size() == PAGE);
        }
    }

    private static String contactFilter(UUID contactId) {
        return "contactId = " + Filters.quote(contactId.toString());
    }
}
