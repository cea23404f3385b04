package dev.intake.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.intake.platform.problem.ProblemException;

class FiltersAndSnippetsTest {

    @Test
    void valuesAreQuotedAndEscaped() {
        assertEquals("\"a\\\"b\\\\\"", Filters.quote("a\"b\\"));
        assertEquals(List.of("documentType IN [\"invoice\", \"report\"]", "status IN [\"FAILED\"]"),
                new Filters().documentType("documentType", List.of("invoice,report", "invoice"))
                        .status("status", List.of("failed")).expressions());
    }

    @Test
    void valuesOutsideTheAllowListNameTheirField() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> new Filters().documentType("documentType", List.of("x\" OR contactId EXISTS")));
        assertEquals(400, e.status());
        assertEquals("documentType", e.errors().get(0).field());
        assertThrows(ProblemException.class, () -> new Filters().contactId("contactId", List.of("1-1-1-1-1")));
        assertThrows(ProblemException.class, () -> SortOrder.parse("sort", "size:asc,text:desc"));
    }

    @Test
    void dateBoundsCoverWholeDays() {
        assertEquals(List.of("uploadedAt >= 1764547200000", "uploadedAt <= 1764633599999"),
                new Filters().uploadedFrom("f", "2025-12-01").uploadedTo("t", "2025-12-01").expressions());
    }

    @Test
    void escapingComesBeforeMarking() {
        String formatted = "<b>" + Snippets.PRE + "x&y" + Snippets.POST + "</b>";
        assertEquals("&lt;b&gt;<mark>x&amp;y</mark>&lt;/b&gt;", Snippets.html(formatted));
        assertEquals("ab", Snippets.clean("a\uE000b\uE001"));
    }
}
