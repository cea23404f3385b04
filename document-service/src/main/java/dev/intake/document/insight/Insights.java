package dev.intake.document.insight;

import java.time.Instant;
import java.util.List;

/**
 * Everything the analyzer derives from one document's text plus its metadata facts.
 *
 * @param language ISO 639-1 code, or null when no supported language is recognised
 * @param keywords up to 10 terms, most frequent first
 * @param summary up to 3 sentences of the text, at most 500 characters; empty when there is no text
 * @param complexityScore 0.0 (plain) .. 1.0 (dense), see {@link ComplexityScore}
 */
public record Insights(Integer pageCount, int wordCount, int characterCount, int lineCount, String language,
        String title, String author, Instant created, Instant modified, List<String> keywords,
        Entities entities, String summary, double complexityScore) {

    public Insights {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
