package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DateFinderTest {

    private final EntityExtractor dayFirst = new EntityExtractor(InsightSettings.DEFAULT);

    @Test
    void everyWrittenFormOfADateIsTheSameIsoDate() {
        String text = "Due 2026-12-01 (01/12/2026, 01.12.2026, 1 December 2026, December 1, 2026, Dec. 1st, 2026).";
        assertEquals(List.of("2026-12-01"), dayFirst.extract(text).dates());
    }

    @Test
    void isoDatesInOrderOfFirstAppearance() {
        String text = "Signed 15 March 2025, valid until 2027-06-30, renewed on March 3, 2026 and 15/03/2025.";
        assertEquals(List.of("2025-03-15", "2027-06-30", "2026-03-03"), dayFirst.extract(text).dates());
    }

    @Test
    void monthNamesInOtherLanguages() {
        String text = "am 3. Oktober 2026; le 1er décembre 2026; el 5 de mayo de 2026; il 2 giugno 2026; "
                + "op 27 april 2026; em 7 de setembro de 2026";
        assertEquals(List.of("2026-10-03", "2026-12-01", "2026-05-05", "2026-06-02", "2026-04-27", "2026-09-07"),
                dayFirst.extract(text).dates());
    }

    @Test
    void slashOrderIsConfigurableAndFallsBackWhenOnlyOneReadingIsADate() {
        EntityExtractor monthFirst = new EntityExtractor(new InsightSettings("US", false, 50));
        assertEquals(List.of("2026-01-12", "2026-12-31"), monthFirst.extract("01/12/2026 and 31/12/2026").dates());
        assertEquals(List.of("2026-12-01", "2026-12-31"), dayFirst.extract("01/12/2026 and 12/31/2026").dates());
    }

    @Test
    void impossibleOrPartialDatesAreSkipped() {
        String text = "2026-02-30, 32/01/2026, 1 Smarch 2026, version 1.2.3, 192.168.1.20, 2026-12-01-7, ISBN 978-3-16";
        assertEquals(List.of(), dayFirst.extract(text).dates());
    }
}
