package dev.intake.platform.id;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class UuidsTest {

    @Test
    void versionSevenWithTheTimeInFrontAndDistinctRandomBits() {
        long at = 1_764_640_000_000L;
        UUID id = Uuids.timeOrdered(at);
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(at, id.getMostSignificantBits() >>> 16, "the first 48 bits are the milliseconds");
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(Uuids.timeOrdered(at)), "no collision within one millisecond");
        }
    }

    @Test
    void laterIdsSortAfterEarlierOnesAsPostgresComparesThem() {
        UUID earlier = Uuids.timeOrdered(1_764_640_000_000L);
        UUID later = Uuids.timeOrdered(1_764_640_000_001L);
        // PostgreSQL orders uuid by its bytes, i.e. unsigned from the first byte: the time decides
        assertTrue(Long.compareUnsigned(earlier.getMostSignificantBits(), later.getMostSignificantBits()) < 0);
    }
}
