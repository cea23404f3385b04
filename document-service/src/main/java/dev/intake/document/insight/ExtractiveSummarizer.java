package dev.intake.document.insight;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Picks up to three sentences of the text itself (frequency-based, in the style of Luhn): a sentence
 * scores the average document frequency of its content words, so sentences about what the document
 * mostly talks about win. The chosen sentences keep their original order; the result is at most
 * {@link #MAX_CHARS} characters, the single best sentence cut at a word boundary if it alone is longer.
 */
public final class ExtractiveSummarizer {

    public static final int MAX_SENTENCES = 3;
    public static final int MAX_CHARS = 500;
    /** Only the first sentences are weighed; keeps memory bounded on huge texts. */
    static final int CANDIDATE_SENTENCES = 2_000;
    static final int MIN_WORDS = 4;
    static final double FIRST_SENTENCE_BONUS = 1.1;

    private final StopWords stopWords;

    public ExtractiveSummarizer() {
        this(StopWords.get());
    }

    ExtractiveSummarizer(StopWords stopWords) {
        this.stopWords = stopWords;
    }

    private record Candidate(int index, String text, List<String> terms, int words) {
    }

    private record Scored(Candidate candidate, double score) {
    }

    public String summarize(String text, String language) {
        Set<String> stop = stopWords.of(language);
        List<Candidate> candidates = new ArrayList<>();
        Map<String, Integer> frequency = new HashMap<>();
        SentenceSplitter.split(text, (start, end) -> {
            List<String> terms = new ArrayList<>();
            int[] words = {0};
            Words.forEach(text, start, end, Integer.MAX_VALUE, word -> {
                words[0]++;
                if (word.length() >= KeywordExtractor.MIN_LENGTH && word.length() <= KeywordExtractor.MAX_LENGTH
                        && !stop.contains(word)) {
                    terms.add(word);
                    frequency.merge(word, 1, Integer::sum);
                }
            });
            candidates.add(new Candidate(candidates.size(), collapseWhitespace(text, start, end), terms, words[0]));
            return candidates.size() < CANDIDATE_SENTENCES;
        });
        if (candidates.isEmpty()) {
            return "";
        }
        List<Scored> ranked = new ArrayList<>();
        for (Candidate candidate : candidates) {
            if (candidate.words() < MIN_WORDS || candidate.terms().isEmpty()) {
                continue;
            }
            double score = 0;
            for (String term : candidate.terms()) {
                score += frequency.get(term);
            }
            score /= candidate.terms().size();
            if (candidate.index() == 0) {
                score *= FIRST_SENTENCE_BONUS;
            }
            ranked.add(new Scored(candidate, score));
        }
        if (ranked.isEmpty()) {
            // nothing sentence-like (a list of numbers, a single heading): fall back to the opening
            return truncate(candidates.get(0).text());
        }
        ranked.sort(Comparator.comparingDouble(Scored::score).reversed()
                .thenComparingInt(s -> s.candidate().index()));
        List<Candidate> chosen = new ArrayList<>();
        int length = 0;
        for (Scored scored : ranked) {
            String sentence = scored.candidate().text();
            int added = sentence.length() + (chosen.isEmpty() ? 0 : 1);
            if (length + added <= MAX_CHARS) {
                chosen.add(scored.candidate());
                length += added;
                if (chosen.size() == MAX_SENTENCES) {
                    break;
                }
            }
        }
        if (chosen.isEmpty()) {
            return truncate(ranked.get(0).candidate().text());
        }
        chosen.sort(Comparator.comparingInt(Candidate::index));
        StringBuilder summary = new StringBuilder(length);
        for (Candidate candidate : chosen) {
            if (summary.length() > 0) {
                summary.append(' ');
            }
            summary.append(candidate.text());
        }
        return summary.toString();
    }

    static String truncate(String sentence) {
        if (sentence.length() <= MAX_CHARS) {
            return sentence;
        }
        int cut = sentence.lastIndexOf(' ', MAX_CHARS - 1);
        if (cut < MAX_CHARS / 2) {
            cut = MAX_CHARS - 1;
        }
        if (Character.isHighSurrogate(sentence.charAt(cut - 1))) {
            cut--;
        }
        return sentence.substring(0, cut).stripTrailing() + "…";
    }

    private static String collapseWhitespace(String text, int start, int end) {
        StringBuilder out = new StringBuilder(Math.min(end - start, MAX_CHARS * 4));
        boolean space = false;
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
            } else {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        return out.toString();
    }
}
