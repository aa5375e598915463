package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void commonPasswordsAndOwnNamesAreRefused() {
        assertTrue(PasswordPolicy.commonCount() > 500, "the shipped list is loaded");
        assertNotNull(PasswordPolicy.problem("short", "chen"));
        assertNotNull(PasswordPolicy.problem("password", "chen"));
        assertNotNull(PasswordPolicy.problem("Password123", "chen"), "ignoring case");
        assertNotNull(PasswordPolicy.problem("woaini1314", "chen"));
        assertNotNull(PasswordPolicy.problem("qwerty2024!", "chen"), "a common word with digits added");
        assertNotNull(PasswordPolicy.problem("aaaaaaaaaa", "chen"));
        assertNotNull(PasswordPolicy.problem("Chen.Jianguo2025", "chen.jianguo"), "the user name with digits");
        assertNotNull(PasswordPolicy.problem("ougnaijnehc!!88", "chen.jianguo"), "the user name backwards");
        assertNotNull(PasswordPolicy.problem("x".repeat(200) + "Yz1", "chen"), "too long");
        assertNull(PasswordPolicy.problem("海沧港务 2025 tide-lantern", "chen.jianguo"));
        assertNull(PasswordPolicy.problem("secret-chen.jianguo", "zhao"));
    }

    @Test
    void olderHashesAreHashedAgain() {
        PasswordHasher weak = new PasswordHasher(1_000);
        PasswordHasher strong = new PasswordHasher(2_000);
        String old = weak.hash("tide-lantern-7".toCharArray());
        assertTrue(strong.needsRehash(old));
        assertTrue(strong.matches("tide-lantern-7".toCharArray(), old), "an old hash still verifies");
        assertNull(strong.needsRehash(strong.hash("x".toCharArray())) ? "rehash" : null);
        assertTrue(PasswordHasher.DEFAULT_ITERATIONS >= 600_000);
    }
}
