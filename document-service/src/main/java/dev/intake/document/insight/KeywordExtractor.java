package dev.intake.document.insight;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Top terms by frequency: lower-cased letter runs of 3+ letters that are not stop words of the
 * text's language (of any supported language when it is unknown); ties in alphabetical order.
 * Words inside URLs and email addresses do not count.
 */
public final class KeywordExtractor {

    public static final int DEFAULT_LIMIT = 10;
    static final int MIN_LENGTH = 3;
    /** Longer runs are base64, hashes or glued-together junk, not keywords. */
    static final int MAX_LENGTH = 40;

    private final StopWords stopWords;

    public KeywordExtractor() {
        this(StopWords.get());
    }

    KeywordExtractor(StopWords stopWords) {
        this.stopWords = stopWords;
    }

    public List<String> extract(String text, String language, int limit) {
        Set<String> stop = stopWords.of(language);
        Map<String, Integer> counts = new HashMap<>();
        Words.forEachOutsideLinks(text, word -> {
            if (word.length() >= MIN_LENGTH && word.length() <= MAX_LENGTH && !stop.contains(word)) {
                counts.merge(word, 1, Integer::sum);
            }
        });
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }
}
