package dev.intake.document.insight;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TextCountsTest {

    @Test
    void countsWordsCharactersAndLines() {
        TextCounts counts = TextCounts.of("Hello, world!\nIt costs 42 € -- really.\n");
        assertEquals(6, counts.words());
        assertEquals(39, counts.characters());
        assertEquals(2, counts.lines());
    }

    @Test
    void lastLineWithoutBreakCountsAndAllLineBreakStylesAreKnown() {
        assertEquals(3, TextCounts.of("a\r\nb\rc").lines());
        assertEquals(3, TextCounts.of("a\n\nb").lines());
        assertEquals(1, TextCounts.of("one line").lines());
    }

    @Test
    void charactersAreCodePoints() {
        assertEquals(3, TextCounts.of("a😀b").characters());
    }

    @Test
    void emptyTextHasNothing() {
        TextCounts counts = TextCounts.of("");
        assertEquals(0, counts.words());
        assertEquals(0, counts.characters());
        assertEquals(0, counts.lines());
    }
}
