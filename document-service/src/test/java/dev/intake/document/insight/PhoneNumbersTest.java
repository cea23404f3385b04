package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhoneNumbersTest {

    @Test
    void findsNumbersInE164WithUsAsDefaultRegion() {
        String text = "Call (650) 253-0000 or +49 30 2091 8800, fax +44 20 7946 0958. Again: 650.253.0000";
        assertEquals(List.of("+16502530000", "+493020918800", "+442079460958"),
                new EntityExtractor(InsightSettings.DEFAULT).extract(text).phones());
    }

    @Test
    void defaultRegionIsConfigurable() {
        String text = "Rufen Sie uns an: 030 20918800";
        assertEquals(List.of("+493020918800"),
                new EntityExtractor(new InsightSettings("DE", true, 50)).extract(text).phones());
        assertThrows(IllegalArgumentException.class, () -> new PhoneNumbers("XX"));
    }

    @Test
    void datesAmountsAndUrlDigitsAreNoPhoneNumbers() {
        String text = "On 2026-12-01 we paid $1,200.50, see https://example.com/orders/6502530000 and ID 12345.";
        assertEquals(List.of(), new EntityExtractor(InsightSettings.DEFAULT).extract(text).phones());
    }
}
