package dev.intake.contact.service;

import java.time.Instant;

/** Admin list filters, already validated. Null means "any". */
public record ContactQuery(String status, String source, Instant createdFrom, Instant createdTo, String text,
        int page, int size) {
}
