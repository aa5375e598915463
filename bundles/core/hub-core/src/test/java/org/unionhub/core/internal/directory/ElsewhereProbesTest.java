package org.unionhub.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.security.TooManyAttempts;

class ElsewhereProbesTest {

    private final ElsewhereProbes probes = new ElsewhereProbes();
    private final Caller siming = new Caller("siming", Set.of(Roles.OFFICER), 3L, null);

    @Test
    void anOfficerWhoMeetsTooManyNumbersHeldElsewhereWaitsForTheWindow() {
        long t = 5_000_000;
        for (int i = 0; i < ElsewhereProbes.PER_WINDOW; i++) {
            assertDoesNotThrow(() -> probes.requireNotBlocked(siming, "idNumber", t));
            probes.record(siming, t + i);
        }
        TooManyAttempts e = assertThrows(TooManyAttempts.class, () -> probes.requireNotBlocked(siming, "idNumber", t + 100));
        assertEquals(429, e.status());
        assertEquals("idNumber", e.errors().get(0).field());
        assertDoesNotThrow(() -> probes.requireNotBlocked(new Caller("officer", Set.of(Roles.OFFICER), 2L, null), "idNumber",
                t + 100), "another officer is not held up");
        assertDoesNotThrow(() -> probes.requireNotBlocked(siming, "idNumber", t + ElsewhereProbes.WINDOW_MS + 1),
                "the window moves on");
    }

    @Test
    void adminsAreNeverCounted() {
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null, null);
        for (int i = 0; i < 3 * ElsewhereProbes.PER_WINDOW; i++) {
            probes.record(admin, i);
        }
        assertDoesNotThrow(() -> probes.requireNotBlocked(admin, "idNumber", 100));
    }
}
