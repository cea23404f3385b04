package dev.intake.document.insight;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Stop-word lists per language, read once from {@code insight/stopwords-<lang>.txt} on the class path. */
public final class StopWords {

    public static final List<String> LANGUAGES = List.of("en", "de", "fr", "es", "it", "nl", "pt");

    private static final StopWords INSTANCE = load();

    private final Map<String, Set<String>> byLanguage;
    private final Set<String> allLanguages;

    private StopWords(Map<String, Set<String>> byLanguage) {
        this.byLanguage = byLanguage;
        Set<String> all = new HashSet<>();
        byLanguage.values().forEach(all::addAll);
        this.allLanguages = Set.copyOf(all);
    }

    public static StopWords get() {
        return INSTANCE;
    }

    /** Languages in {@link #LANGUAGES} order. */
    public Map<String, Set<String>> byLanguage() {
        return byLanguage;
    }

    /** The list for a language; for null or an unsupported language the union of all lists. */
    public Set<String> of(String language) {
        Set<String> words = language == null ? null : byLanguage.get(language);
        return words != null ? words : allLanguages;
    }

    private static StopWords load() {
        Map<String, Set<String>> lists = new LinkedHashMap<>();
        for (String language : LANGUAGES) {
            lists.put(language, read("insight/stopwords-" + language + ".txt"));
        }
        return new StopWords(lists);
    }

    private static Set<String> read(String resource) {
        InputStream in = StopWords.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing class-path resource " + resource);
        }
        Set<String> words = new HashSet<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                String word = line.strip();
                if (!word.isEmpty() && !word.startsWith("#")) {
                    words.add(word);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(words);
    }
}
