package dev.intake.document.insight;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Distinct values in order of first appearance, up to a cap. */
final class FirstSeen<T> {

    private final Set<T> values = new LinkedHashSet<>();
    private final int cap;

    FirstSeen(int cap) {
        this.cap = cap;
    }

    /** @return false once full, so that callers can stop searching */
    boolean add(T value) {
        if (values.size() < cap) {
            values.add(value);
        }
        return values.size() < cap;
    }

    boolean isFull() {
        return values.size() >= cap;
    }

    List<T> toList() {
        return List.copyOf(new ArrayList<>(values));
    }
}
