package dev.intake.platform.work;

import java.time.OffsetDateTime;

/**
 * An item a worker holds: its key, which attempt this is (counted when it was claimed, so a crash
 * counts too), the lease that fences this claim (a finish after another worker took the item over is
 * ignored), the reason the previous attempt failed, and what the queue read from the row.
 */
public record Claimed<T>(Object id, int attempt, OffsetDateTime lease, String lastError, T item) {
}
