package dev.intake.document.service;

import dev.intake.document.insight.DocumentFacts;

/** What a file yielded: its text (possibly cut at the character limit) and metadata facts. */
public record Extraction(String text, boolean truncated, DocumentFacts facts, String ocr) {
}
