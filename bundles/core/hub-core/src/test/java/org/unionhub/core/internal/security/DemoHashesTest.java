package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DemoHashesTest {

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.DEFAULT_ITERATIONS);

    @Test
    void everyDemoAccountHasAPrecomputedHashOfItsNameThatTheHasherAccepts() {
        for (String account : AccountStore.DEMO_ACCOUNTS) {
            String hash = DemoHashes.of(account, account, PasswordHasher.DEFAULT_ITERATIONS).orElseThrow();
            assertTrue(hasher.matches(account.toCharArray(), hash), account);
            assertFalse(hasher.needsRehash(hash), account);
        }
    }

    @Test
    void theDecoyMatchesNoDemoPassword() {
        String decoy = DemoHashes.decoy(PasswordHasher.DEFAULT_ITERATIONS).orElseThrow();
        assertTrue(hasher.matches("decoy-password-for-unknown-users".toCharArray(), decoy));
        assertFalse(hasher.matches("admin".toCharArray(), decoy));
    }

    @Test
    void otherPasswordsOtherAccountsAndOtherIterationCountsAreHashedAfresh() {
        assertTrue(DemoHashes.of("admin", "s3cret-Passw0rd", PasswordHasher.DEFAULT_ITERATIONS).isEmpty());
        assertTrue(DemoHashes.of("someone", "someone", PasswordHasher.DEFAULT_ITERATIONS).isEmpty());
        assertTrue(DemoHashes.of("admin", "admin", 1_000).isEmpty());
        assertTrue(DemoHashes.decoy(1_000).isEmpty());
    }
}
