package dev.intake.document.insight;

/**
 * How hard a text is to read, from 0.0 (short sentences of short words) to 1.0 (long sentences of
 * long words). The old system stored a bare {@code complexity_score}; this keeps its meaning (higher =
 * harder) on a fixed 0..1 scale that does not depend on the language, which rules out Flesch-style
 * syllable counting. The two inputs are Flesch's two ingredients, with word length in letters
 * standing in for syllables:
 *
 * <pre>
 *   sentenceLength = words / sentences                         (sentences with at least one word)
 *   wordLength     = letters / letter runs
 *   s = clamp((sentenceLength - 8) / (30 - 8), 0, 1)           8 words or fewer: easy; 30 or more: hard
 *   w = clamp((wordLength - 4) / (7 - 4), 0, 1)                4 letters or fewer: easy; 7 or more: hard
 *   score = round(0.5 * s + 0.5 * w, 3 decimals)               0.0 for a text without words
 * </pre>
 *
 * Plain news-style prose lands near 0.3 to 0.4 in every supported language; a long German legal clause near 1.
 */
public final class ComplexityScore {

    static final double EASY_SENTENCE_WORDS = 8;
    static final double HARD_SENTENCE_WORDS = 30;
    static final double EASY_WORD_LETTERS = 4;
    static final double HARD_WORD_LETTERS = 7;

    private ComplexityScore() {
    }

    public static double of(String text) {
        return of(text, TextCounts.of(text));
    }

    static double of(String text, TextCounts counts) {
        if (counts.words() == 0) {
            return 0.0;
        }
        int[] sentences = {0};
        SentenceSplitter.split(text, (start, end) -> {
            for (int i = start; i < end; i++) {
                if (Character.isLetterOrDigit(text.charAt(i))) {
                    sentences[0]++;
                    break;
                }
            }
            return true;
        });
        double sentenceLength = (double) counts.words() / Math.max(1, sentences[0]);
        double wordLength = counts.letterRuns() == 0 ? 0 : (double) counts.letters() / counts.letterRuns();
        double s = clamp((sentenceLength - EASY_SENTENCE_WORDS) / (HARD_SENTENCE_WORDS - EASY_SENTENCE_WORDS));
        double w = clamp((wordLength - EASY_WORD_LETTERS) / (HARD_WORD_LETTERS - EASY_WORD_LETTERS));
        return Math.round((0.5 * s + 0.5 * w) * 1000) / 1000.0;
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }
}
