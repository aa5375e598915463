package org.unionhub.core.internal.memory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class IdlenessTest {

    /** Feeds one young-collection count per check; answers the checks (from 1) at which a collection is made. */
    private static List<Integer> collections(Idleness idle, boolean grown, long... counts) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            if (idle.collectNow(counts[i], grown)) {
                at.add(i + 1);
            }
        }
        return at;
    }

    @Test
    void aHubQuietForTwoChecksIsCollectedOnceUntilItIsBusyAgain() {
        Idleness idle = new Idleness(2);
        // busy (the count moves), then quiet: collected at the second quiet check, and only then
        assertEquals(List.of(5), collections(idle, true, 1, 4, 9, 9, 9, 9, 9, 9));
        // busy again, then quiet again: once more
        assertEquals(List.of(3), collections(idle, true, 12, 12, 12, 12));
    }

    @Test
    void aHubThatKeepsAllocatingIsNeverCollected() {
        assertEquals(List.of(), collections(new Idleness(2), true, 1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void aHeapAtItsInitialSizeIsLeftAlone() {
        Idleness idle = new Idleness(2);
        assertEquals(List.of(), collections(idle, false, 3, 3, 3, 3));
        // it grew while quiet (a slow export): collected at the next quiet check
        assertEquals(List.of(1), collections(idle, true, 3));
    }
}
