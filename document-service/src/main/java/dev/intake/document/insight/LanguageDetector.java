package dev.intake.document.insight;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recognises en, de, fr, es, it, nl and pt by how many of a text's words are stop words of each
 * language. No model, no dependency: stop words make up a third to a half of running text in these
 * languages, so a few dozen words are enough.
 *
 * <p>Many stop words are shared ("de" is French, Spanish, Dutch and Portuguese), so a word counts
 * 1/n for each of the n languages that list it; words of one language only decide close calls.
 */
public final class LanguageDetector {

    /** Enough words to be sure; bounds the work on big texts. */
    static final int SAMPLE_WORDS = 20_000;
    /** Below this weighted score the text has too few stop words to tell (a title, a table of numbers). */
    static final double MIN_SCORE = 1.0;

    private final List<String> languages;
    private final Map<String, double[]> weights = new HashMap<>();

    public LanguageDetector() {
        this(StopWords.get());
    }

    LanguageDetector(StopWords stopWords) {
        this.languages = List.copyOf(stopWords.byLanguage().keySet());
        Map<String, Integer> listedIn = new HashMap<>();
        stopWords.byLanguage().values().forEach(set -> set.forEach(w -> listedIn.merge(w, 1, Integer::sum)));
        for (int l = 0; l < languages.size(); l++) {
            Set<String> words = stopWords.byLanguage().get(languages.get(l));
            for (String word : words) {
                double[] perLanguage = weights.computeIfAbsent(word, w -> new double[languages.size()]);
                perLanguage[l] = 1.0 / listedIn.get(word);
            }
        }
    }

    /** ISO 639-1 code of the dominant language, or null when unsure. */
    public String detect(String text) {
        double[] scores = new double[languages.size()];
        Words.forEach(text, 0, text.length(), SAMPLE_WORDS, word -> {
            double[] perLanguage = weights.get(word);
            if (perLanguage != null) {
                for (int l = 0; l < scores.length; l++) {
                    scores[l] += perLanguage[l];
                }
            }
        });
        int best = -1;
        int second = -1;
        for (int l = 0; l < scores.length; l++) {
            if (best < 0 || scores[l] > scores[best]) {
                second = best;
                best = l;
            } else if (second < 0 || scores[l] > scores[second]) {
                second = l;
            }
        }
        if (best < 0 || scores[best] < MIN_SCORE || (second >= 0 && scores[second] == scores[best])) {
            return null;
        }
        return languages.get(best);
    }
}
