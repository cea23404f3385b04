package dev.intake.search.service;

import java.util.List;

/** A validated search: everything in it came through the allow-lists. */
public record SearchQuery(String q, String[] filter, String[] sort, int page, int size, List<String> facets) {
}
