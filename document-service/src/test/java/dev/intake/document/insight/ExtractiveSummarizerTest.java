package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExtractiveSummarizerTest {

    private final ExtractiveSummarizer summarizer = new ExtractiveSummarizer();

    @Test
    void keepsTheSentencesAboutTheMainTopicInTheirOrder() {
        String text = """
                The contract covers the delivery of solar panels to the Berlin office. \
                Lunch was served at noon. \
                Solar panels must be delivered before the contract deadline in March. \
                The weather was nice. \
                Each delivery of solar panels is checked against the contract by the office manager. \
                Parking is available behind the building. \
                Dr. Miller thanked everyone for coming.""";
        String summary = summarizer.summarize(text, "en");
        assertEquals("The contract covers the delivery of solar panels to the Berlin office. "
                + "Solar panels must be delivered before the contract deadline in March. "
                + "Each delivery of solar panels is checked against the contract by the office manager.", summary);
    }

    @Test
    void atMostThreeSentencesAndFiveHundredCharacters() {
        for (String sample : new String[] {Samples.ENGLISH, Samples.GERMAN, Samples.FRENCH, Samples.SPANISH,
                Samples.ITALIAN, Samples.DUTCH, Samples.PORTUGUESE}) {
            String summary = summarizer.summarize(sample, null);
            assertTrue(summary.length() <= ExtractiveSummarizer.MAX_CHARS, summary);
            assertTrue(sentences(summary) >= 1 && sentences(summary) <= 3, summary);
            SentenceSplitter.split(summary, (start, end) -> {
                assertTrue(sample.contains(summary.substring(start, end)), summary);
                return true;
            });
        }
    }

    @Test
    void anOverlongSentenceIsCutAtAWord() {
        String text = "The archive contains " + "many old invoices and letters, ".repeat(40) + "all of them scanned.";
        String summary = summarizer.summarize(text, "en");
        assertTrue(summary.length() <= ExtractiveSummarizer.MAX_CHARS);
        assertTrue(summary.startsWith("The archive contains many old invoices"));
        assertTrue(summary.endsWith("…"));
    }

    @Test
    void textWithoutSentencesFallsBackToItsStart() {
        assertEquals("", summarizer.summarize("", "en"));
        assertEquals("", summarizer.summarize(" \n\t ", "en"));
        assertEquals("4711 0815 42", summarizer.summarize("4711 0815 42", null));
        assertEquals("Quarterly Report", summarizer.summarize("Quarterly Report\n\n", null));
    }

    private static int sentences(String summary) {
        int[] count = {0};
        SentenceSplitter.split(summary, (start, end) -> ++count[0] > 0);
        return count[0];
    }
}
