package dev.intake.document.insight;

import java.time.Instant;

/** What the file's own metadata says about it; any field may be null. */
public record DocumentFacts(String title, String author, Instant created, Instant modified, Integer pageCount) {

    public static final DocumentFacts NONE = new DocumentFacts(null, null, null, null, null);
}
