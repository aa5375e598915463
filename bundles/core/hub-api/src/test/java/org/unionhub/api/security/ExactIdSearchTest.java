package org.unionhub.api.security;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Set;

import org.junit.jupiter.api.Test;
import org.unionhub.api.HubException;

class ExactIdSearchTest {

    private final ExactIdSearch search = new ExactIdSearch();
    private final Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null, null);

    @Test
    void officersMayNotAndAdminsNeedAReason() {
        Caller officer = new Caller("officer", Set.of(Roles.OFFICER), 2L, null);
        assertEquals(403, assertThrows(HubException.class, () -> search.admit(officer, "checking", 0)).status());
        assertEquals(422, assertThrows(HubException.class, () -> search.admit(admin, " ", 0)).status());
        assertDoesNotThrow(() -> search.admit(admin, "nomination 12: duplicate check", 0));
    }

    @Test
    void aFewDozenGuessesAreRefused() {
        long t = 1_000_000;
        for (int i = 0; i < ExactIdSearch.PER_WINDOW; i++) {
            search.admit(admin, "desk enquiry", t + i);
        }
        TooManyAttempts e = assertThrows(TooManyAttempts.class, () -> search.admit(admin, "desk enquiry", t + 100));
        assertEquals(429, e.status());
        assertEquals(ExactIdSearch.WINDOW_MS / 1000, e.retryAfterSeconds(), "the oldest search leaves the window then");
        assertDoesNotThrow(() -> search.admit(admin, "desk enquiry", t + ExactIdSearch.WINDOW_MS + 1), "the window moves on");
    }
}
