package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class InsightAnalyzerTest {

    private final InsightAnalyzer analyzer = new InsightAnalyzer();

    @Test
    void analysesAnInvoiceLetter() {
        String text = """
                Invoice 2026-118

                Dear Ms. Rossi,
                thank you for your order of 1 December 2026. The invoice covers the installation of the \
                heat pump and the maintenance contract for the heat pump. Please pay $1,200.50 by \
                December 31, 2026.
                Questions about the invoice? Call (650) 253-0000 or write to billing@example.com.
                Details: https://example.com/invoices/2026-118
                """;
        DocumentFacts facts = new DocumentFacts("  Invoice 2026-118 ", "Billing Team",
                Instant.parse("2026-12-01T09:00:00Z"), Instant.parse("2026-12-02T10:30:00Z"), 1);

        Insights insights = analyzer.analyze(text, facts);

        assertEquals(1, insights.pageCount());
        assertEquals("en", insights.language());
        assertEquals("Invoice 2026-118", insights.title());
        assertEquals("Billing Team", insights.author());
        assertEquals(Instant.parse("2026-12-01T09:00:00Z"), insights.created());
        assertEquals(Instant.parse("2026-12-02T10:30:00Z"), insights.modified());
        assertEquals(6, insights.lineCount());
        assertEquals(text.length(), insights.characterCount());
        assertEquals(List.of("invoice", "december", "heat", "pump"), insights.keywords().subList(0, 4));
        assertEquals(List.of("billing@example.com"), insights.entities().emails());
        assertEquals(List.of("+16502530000"), insights.entities().phones());
        assertEquals(List.of("https://example.com/invoices/2026-118"), insights.entities().urls());
        assertEquals(List.of("2026-12-01", "2026-12-31"), insights.entities().dates());
        assertEquals(List.of(new Money(new BigDecimal("1200.50"), "USD")), insights.entities().amounts());
        assertTrue(insights.summary().contains("heat pump"), insights.summary());
        assertTrue(insights.complexityScore() >= 0 && insights.complexityScore() <= 1);
    }

    @Test
    void emptyTextAndNoFacts() {
        Insights insights = analyzer.analyze("", null);
        assertEquals(0, insights.wordCount());
        assertEquals(0, insights.characterCount());
        assertEquals(0, insights.lineCount());
        assertNull(insights.language());
        assertNull(insights.pageCount());
        assertNull(insights.title());
        assertEquals(List.of(), insights.keywords());
        assertEquals(Entities.NONE, insights.entities());
        assertEquals("", insights.summary());
        assertEquals(0.0, insights.complexityScore());
        assertEquals(insights, analyzer.analyze(null, DocumentFacts.NONE));
    }

    @Test
    void onlyNumbers() {
        Insights insights = analyzer.analyze("4711 0815\n42 1337 3.14159\n", new DocumentFacts(null, " ", null, null, 3));
        assertEquals(5, insights.wordCount());
        assertEquals(2, insights.lineCount());
        assertEquals(3, insights.pageCount());
        assertNull(insights.author());
        assertNull(insights.language());
        assertEquals(List.of(), insights.keywords());
        assertEquals(0.0, insights.complexityScore());
    }

    @Test
    void mixedLanguagesGetTheDominantOnesStopWordsRemoved() {
        String text = Samples.FRENCH + "\n\n" + Samples.FRENCH + "\n\nPlease find the French plan attached.";
        Insights insights = analyzer.analyze(text, DocumentFacts.NONE);
        assertEquals("fr", insights.language());
        assertTrue(insights.keywords().contains("transport"), insights.keywords().toString());
        assertTrue(insights.keywords().stream().noneMatch(k -> List.of("les", "des", "pour").contains(k)));
    }

    @Test
    void everySampleLanguage() {
        record Case(String text, String language, String keyword) {
        }
        for (Case c : List.of(new Case(Samples.GERMAN, "de", "sanierung"), new Case(Samples.SPANISH, "es", "reciclaje"),
                new Case(Samples.ITALIAN, "it", "biblioteca"), new Case(Samples.DUTCH, "nl", "plan"),
                new Case(Samples.PORTUGUESE, "pt", "programa"))) {
            Insights insights = analyzer.analyze(c.text(), DocumentFacts.NONE);
            assertEquals(c.language(), insights.language());
            assertTrue(insights.keywords().contains(c.keyword()), c.language() + " " + insights.keywords());
            assertTrue(insights.summary().length() <= 500);
        }
    }
}
