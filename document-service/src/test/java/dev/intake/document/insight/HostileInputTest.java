package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Inputs built to trip up regular expressions and scanners. These only show that analysis completes
 * (no catastrophic backtracking, no quadratic scan); they deliberately assert no timings.
 */
class HostileInputTest {

    private static final int ONE_MB = 1_000_000;

    private final InsightAnalyzer analyzer = new InsightAnalyzer();

    @Test
    void oneMegabyteOfRandomPunctuation() {
        String punctuation = ".,;:!?@#$€£%&*()[]{}<>/\\|-_+='\"`~^ \n";
        Random random = new Random(42);
        StringBuilder text = new StringBuilder(ONE_MB);
        for (int i = 0; i < ONE_MB; i++) {
            text.append(punctuation.charAt(random.nextInt(punctuation.length())));
        }
        Insights insights = analyzer.analyze(text.toString(), null);
        assertEquals(ONE_MB, insights.characterCount());
        assertTrue(insights.summary().length() <= 500);
        assertTrue(insights.keywords().isEmpty());
    }

    @Test
    void oneMegabyteSingleWord() {
        Insights insights = analyzer.analyze("a".repeat(ONE_MB), null);
        assertEquals(1, insights.wordCount());
        assertTrue(insights.keywords().isEmpty());
        assertTrue(insights.summary().length() <= 500);
        assertEquals(0.5, insights.complexityScore());
    }

    @Test
    void nearMissesOfEveryEntityRepeated() {
        String[] traps = {"1".repeat(ONE_MB), "1,".repeat(ONE_MB / 2), "@a".repeat(ONE_MB / 2), "a.".repeat(ONE_MB / 2),
            "http://" + "a".repeat(ONE_MB), "www.".repeat(ONE_MB / 4), "12/".repeat(ONE_MB / 3), "$1 ".repeat(ONE_MB / 3),
            "December ".repeat(ONE_MB / 9), "x@y.".repeat(ONE_MB / 4), "(((" + ")".repeat(ONE_MB)};
        for (String trap : traps) {
            assertNotNull(analyzer.analyze(trap, null));
        }
    }
}
