package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class MoneyFinderTest {

    private final EntityExtractor extractor = new EntityExtractor(InsightSettings.DEFAULT);

    private static Money money(String amount, String currency) {
        return new Money(new BigDecimal(amount), currency);
    }

    @Test
    void symbolsAndCodesBeforeOrAfterTheNumber() {
        String text = "Budget: $1,200.50 plus €300 (or 300 EUR), £45.99, ¥5000, CHF 1'250.00 and USD 99.";
        assertEquals(List.of(money("1200.50", "USD"), money("300.00", "EUR"), money("45.99", "GBP"),
                money("5000", "JPY"), money("1250.00", "CHF"), money("99.00", "USD")), extractor.extract(text).amounts());
    }

    @Test
    void europeanNumberFormat() {
        String text = "Gesamtbetrag 1.200,50 € zzgl. 19,00 € MwSt; Anzahlung 2\u00A0500,00\u00A0€ und 1.200 EUR.";
        assertEquals(List.of(money("1200.50", "EUR"), money("19.00", "EUR"), money("2500.00", "EUR"),
                money("1200.00", "EUR")), extractor.extract(text).amounts());
    }

    @Test
    void numbersWithoutCurrencyAreNoAmounts() {
        assertEquals(List.of(), extractor.extract("Order 1200, 3 items, 2026, 4.5 stars, page 12").amounts());
    }

    @Test
    void readsSeparatorsLikeAPerson() {
        assertEquals(new BigDecimal("1200"), MoneyFinder.parseAmount("1,200"));
        assertEquals(new BigDecimal("1200"), MoneyFinder.parseAmount("1.200"));
        assertEquals(new BigDecimal("12.5"), MoneyFinder.parseAmount("12,5"));
        assertEquals(new BigDecimal("1234567.89"), MoneyFinder.parseAmount("1.234.567,89"));
        assertEquals(new BigDecimal("0.500"), MoneyFinder.parseAmount("0.500"));
        assertEquals(new BigDecimal("300"), MoneyFinder.parseAmount("300,"));
        assertNull(MoneyFinder.parseAmount("1.2.3"));
        assertNull(MoneyFinder.parseAmount("12,34,567"));
    }
}
