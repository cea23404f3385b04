package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LanguageDetectorTest {

    private final LanguageDetector detector = new LanguageDetector();

    @Test
    void recognisesEachSupportedLanguage() {
        assertEquals("en", detector.detect(Samples.ENGLISH));
        assertEquals("de", detector.detect(Samples.GERMAN));
        assertEquals("fr", detector.detect(Samples.FRENCH));
        assertEquals("es", detector.detect(Samples.SPANISH));
        assertEquals("it", detector.detect(Samples.ITALIAN));
        assertEquals("nl", detector.detect(Samples.DUTCH));
        assertEquals("pt", detector.detect(Samples.PORTUGUESE));
    }

    @Test
    void recognisesShortEverydaySentences() {
        assertEquals("en", detector.detect("Please send me the invoice for the last order."));
        assertEquals("de", detector.detect("Bitte schicken Sie mir die Rechnung für die letzte Bestellung."));
        assertEquals("es", detector.detect("Por favor, envíeme la factura del último pedido."));
        assertEquals("pt", detector.detect("Por favor, envie-me a fatura do último pedido."));
    }

    @Test
    void mixedTextGetsItsDominantLanguage() {
        String mostlyGerman = Samples.GERMAN + " " + Samples.GERMAN + " Thank you for the report.";
        assertEquals("de", detector.detect(mostlyGerman));
        assertEquals("fr", detector.detect(Samples.FRENCH + "\n\nSummary: see the attached file."));
    }

    @Test
    void unsureWithoutEnoughWords() {
        assertNull(detector.detect(""));
        assertNull(detector.detect("12 345 678 90,50 2026-12-01"));
        assertNull(detector.detect("Quarterly Report"));
        assertNull(detector.detect("!!! ??? ... ---"));
    }
}
