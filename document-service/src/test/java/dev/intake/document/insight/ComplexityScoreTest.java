package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ComplexityScoreTest {

    @Test
    void shortSentencesOfShortWordsAreEasy() {
        assertEquals(0.0, ComplexityScore.of("The cat sat. It was fat. We fed it."));
    }

    @Test
    void longSentencesOfLongWordsAreHard() {
        String legal = "Die Vertragsparteien verpflichten sich gegenseitig, sämtliche im Zusammenhang mit der "
                + "Durchführung dieses Rahmenvertrages bekanntgewordenen Geschäftsgeheimnisse, insbesondere "
                + "Kalkulationsunterlagen, Kundenverzeichnisse und Vertragskonditionen, auch nach Beendigung der "
                + "Zusammenarbeit vertraulich zu behandeln und ausschließlich zweckgebunden zu verwenden.";
        double score = ComplexityScore.of(legal);
        assertTrue(score > 0.7, "score " + score);
        assertTrue(score <= 1.0);
    }

    @Test
    void everydayProseIsInBetween() {
        double english = ComplexityScore.of(Samples.ENGLISH);
        assertTrue(english > 0.1 && english < 0.7, "score " + english);
    }

    @Test
    void formulaOnAKnownText() {
        // 19 words in 1 sentence: s = (19 - 8) / 22 = 0.5; 76 letters in 19 words: 4.0 letters, w = 0
        String text = "abcd ".repeat(19).strip() + ".";
        assertEquals(0.25, ComplexityScore.of(text));
    }

    @Test
    void noWordsNoComplexity() {
        assertEquals(0.0, ComplexityScore.of(""));
        assertEquals(0.0, ComplexityScore.of("... !!! ---"));
    }
}
