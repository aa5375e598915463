package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SignInGuardTest {

    private final SignInGuard guard = new SignInGuard(new SignInGuard.Settings(3, 10, 6, 0));

    @Test
    void freeFailuresThenExponentialBackOff() {
        long t = 1_000_000;
        for (int i = 0; i < 3; i++) {
            assertEquals(0, guard.waitMillis("officer", "10.0.0.1", t));
            guard.failed("officer", "10.0.0.1", t);
        }
        assertEquals(0, guard.waitMillis("officer", "10.0.0.1", t), "three failures are free");
        guard.failed("officer", "10.0.0.1", t);
        assertEquals(1000, guard.waitMillis("officer", "10.0.0.1", t));
        guard.failed("officer", "10.0.0.1", t + 1000);
        assertEquals(2000, guard.waitMillis("OFFICER", "10.0.0.2", t + 1000), "per account, whatever the case or address");
        assertEquals(0, guard.waitMillis("siming", "10.0.0.2", t + 1000), "another account from another address is free");
        assertEquals(15 * 60_000L, SignInGuard.delay(100, 3), "capped at 15 minutes");
    }

    @Test
    void lockAfterRepeatedFailuresUntilAnAdminUnlocks() {
        long t = 5_000_000;
        boolean locked = false;
        for (int i = 0; i < 6; i++) {
            locked = guard.failed("porter", null, t);
        }
        assertTrue(locked, "the sixth failure locks");
        assertTrue(guard.locked("porter", t + 86_400_000L), "locked until unlocked (lock minutes 0)");
        assertTrue(guard.unlock("porter"));
        assertFalse(guard.locked("porter", t));
        assertEquals(0, guard.waitMillis("porter", null, t));
    }

    @Test
    void anAddressIsThrottledAcrossAccounts() {
        long t = 9_000_000;
        for (int i = 0; i < 11; i++) {
            guard.failed("user" + i, "192.0.2.7", t);
        }
        assertEquals(1000, guard.waitMillis("someone-new", "192.0.2.7", t), "the 11th failure from one address throttles it");
        guard.succeeded("someone-new", "192.0.2.7");
        assertEquals(0, guard.waitMillis("someone-new", "192.0.2.7", t));
    }

    @Test
    void memoryStaysBounded() {
        long t = System.currentTimeMillis();
        for (int i = 0; i < SignInGuard.MAX_TRACKED * 2; i++) {
            guard.failed("u" + i, null, t - 2 * 60 * 60_000L);
        }
        assertTrue(guard.tracked() <= SignInGuard.MAX_TRACKED, "tracked: " + guard.tracked());
    }

    /** Issue 21: wrong passwords for a member from elsewhere neither lock him nor slow his own sign-in. */
    @Test
    void aMemberIsThrottledPerAddressAndNeverLocked() {
        long t = 20_000_000;
        boolean locked = false;
        for (int i = 0; i < 50; i++) {
            locked |= guard.failed("13900001111", "198.51.100." + (i % 5), t, true);
        }
        assertFalse(locked, "a member's account is never locked");
        assertFalse(guard.locked("13900001111", t));
        assertEquals(0, guard.waitMillis("13900001111", "10.1.1.1", t), "the member from his own address signs in at once");
        assertTrue(guard.waitMillis("13900001111", "198.51.100.1", t) > 0, "the guessing address waits");
        for (int i = 0; i < 4; i++) {
            guard.failed("13900002222", "10.2.2.2", t, true);
        }
        assertEquals(1000, guard.waitMillis("13900002222", "10.2.2.2", t), "back-off per account and address");
        guard.succeeded("13900002222", "10.2.2.2");
        assertEquals(0, guard.waitMillis("13900002222", "10.2.2.2", t));
    }
}
