package dev.intake.document.insight;

import java.util.Map;
import java.util.TreeMap;

/**
 * Disjoint parts of the text already claimed by an entity, so that the digits of a URL are not read
 * as a phone number, nor the address in {@code https://x.org/?to=a@b.org} as a separate email.
 */
final class TakenSpans {

    private final TreeMap<Integer, Integer> endByStart = new TreeMap<>();

    /** Claims {@code [start, end)} unless part of it is already taken; returns whether it did. */
    boolean claim(int start, int end) {
        if (overlaps(start, end)) {
            return false;
        }
        endByStart.put(start, end);
        return true;
    }

    boolean overlaps(int start, int end) {
        // spans are disjoint, so only the last one starting before end can reach into [start, end)
        Map.Entry<Integer, Integer> before = endByStart.lowerEntry(end);
        return before != null && before.getValue() > start;
    }
}
