package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordExtractorTest {

    private final KeywordExtractor extractor = new KeywordExtractor();

    @Test
    void mostFrequentTermsWithoutStopWords() {
        List<String> keywords = extractor.extract(Samples.ENGLISH, "en", 3);
        // "report", "energy" and "storage" occur twice; "the" occurs more often but is a stop word
        assertEquals(List.of("energy", "report", "storage"), keywords);
    }

    @Test
    void stopWordsOfTheDetectedLanguageAreRemoved() {
        List<String> keywords = extractor.extract(Samples.GERMAN, "de", 10);
        assertEquals("bericht", keywords.get(0));
        assertTrue(keywords.contains("sanierung"));
        assertTrue(keywords.contains("schulen"));
        assertFalse(keywords.contains("die"));
        assertFalse(keywords.contains("der"));
        assertFalse(keywords.contains("dass"));
        assertEquals(10, keywords.size());
    }

    @Test
    void lowerCaseLettersOnlyAtLeastThreeLongTiesAlphabetical() {
        String text = "Zebra zebra APPLE apple Mango ox ox ox ox 42 4711 x2y3z pear-tree";
        assertEquals(List.of("apple", "zebra", "mango", "pear", "tree"), extractor.extract(text, "en", 10));
    }

    @Test
    void wordsOfLinksAndAddressesDoNotCount() {
        String text = "Offer offer: see https://www.shop.example.com/offer and www.example.com, mail sales@example.com";
        assertEquals(List.of("offer", "mail", "see"), extractor.extract(text, "en", 10));
    }

    @Test
    void unknownLanguageRemovesEveryListsStopWords() {
        List<String> keywords = extractor.extract("und und the the les les Vertrag Vertrag contrat", null, 10);
        assertEquals(List.of("vertrag", "contrat"), keywords);
    }

    @Test
    void atMostTheLimit() {
        assertEquals(10, extractor.extract(Samples.SPANISH, "es", 10).size());
        assertTrue(extractor.extract("", "en", 10).isEmpty());
        assertTrue(extractor.extract("1 2 3 4.5 6,7", "en", 10).isEmpty());
    }
}
