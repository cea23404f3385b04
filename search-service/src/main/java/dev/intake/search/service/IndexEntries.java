package dev.intake.search.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.intake.search.config.SearchConfig;
import dev.intake.search.model.ContactFields;
import dev.intake.search.model.ProcessedDocument;

/**
 * Turns a processed document into index entries: one per chunk of its text, each with all the
 * metadata (so every chunk filters and ranks like the document), ids {@code <documentId>_<n>} so a
 * re-index overwrites the same entries.
 */
@ApplicationScoped
public class IndexEntries {

    private final int chunkWords;

    public IndexEntries(SearchConfig config) {
        this.chunkWords = config.chunkWords();
    }

    public List<Map<String, Object>> of(ProcessedDocument document, ContactFields contact) {
        List<String> chunks = chunks(document.text());
        List<Map<String, Object>> entries = new ArrayList<>(chunks.size());
        for (int i = 0; i < chunks.size(); i++) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("id", entryId(document.documentId(), i));
            entry.put("documentId", document.documentId().toString());
            entry.put("chunk", i);
            entry.put("contactId", document.contactId().toString());
            entry.put("contactName", Snippets.clean(contact.name()));
            entry.put("contactCompany", Snippets.clean(contact.company()));
            entry.put("filename", Snippets.clean(document.filename()));
            entry.put("title", Snippets.clean(document.title()));
            entry.put("description", Snippets.clean(document.description()));
            entry.put("tags", document.tags() == null ? List.of() : document.tags().stream().map(Snippets::clean).toList());
            entry.put("keywords", document.keywords() == null ? List.of() : document.keywords().stream().map(Snippets::clean).toList());
            entry.put("summary", Snippets.clean(document.summary()));
            entry.put("author", Snippets.clean(document.author()));
            entry.put("text", chunks.get(i));
            entry.put("documentType", document.documentType());
            entry.put("status", document.status() == null ? null : document.status().toUpperCase(Locale.ROOT));
            entry.put("fileExtension", extension(document.fileExtension()));
            entry.put("language", document.language());
            entry.put("contentType", document.contentType());
            entry.put("size", document.sizeBytes());
            entry.put("pageCount", document.pageCount());
            entry.put("wordCount", document.wordCount());
            entry.put("uploadedAt", millis(document.uploadedAt()));
            entry.put("processedAt", millis(document.processedAt()));
            entries.add(entry);
        }
        return entries;
    }

    /** Entries of the document numbered from {@code count} on belong to a longer, older text. */
    public static String staleChunks(UUID documentId, int count) {
        return "documentId = " + Filters.quote(documentId.toString()) + " AND chunk >= " + count;
    }

    static String entryId(UUID documentId, int chunk) {
        return documentId + "_" + chunk;
    }

    /** Whitespace-separated words, {@code chunkWords} per chunk; at least one (possibly empty) chunk. */
    List<String> chunks(String text) {
        String clean = Snippets.clean(text);
        List<String> chunks = new ArrayList<>();
        if (clean == null || clean.isBlank()) {
            chunks.add("");
            return chunks;
        }
        String[] words = clean.strip().split("\\s+");
        for (int start = 0; start < words.length; start += chunkWords) {
            int end = Math.min(words.length, start + chunkWords);
            chunks.add(String.join(" ", java.util.Arrays.asList(words).subList(start, end)));
        }
        return chunks;
    }

    static String extension(String extension) {
        if (extension == null) {
            return null;
        }
        return extension.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
