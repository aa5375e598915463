package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.AppConfigurationEntry.LoginModuleControlFlag;
import javax.security.auth.login.Configuration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.security.TooManyAttempts;
import org.unionhub.core.internal.audit.AuditLogImpl;
import org.unionhub.testing.Configs;
import org.unionhub.testing.Region;
import org.unionhub.testing.TestDatabase;

/**
 * Signing in with a password, as the REST filter does for Basic and the token endpoint: through the JAAS realm's own
 * login module ({@link HubLoginModule}) over the accounts in the core's real schema. A right password gives the
 * account's caller, a wrong one nothing and an audit row, after repeated failures even the right one is refused
 * with 429 (no login is tried) until an admin unlocks, and a remembered pair is forgotten when the password changes.
 */
class SignInTest {

    @TempDir
    Path data;
    private Configuration before;
    private ModuleDatabase db;
    private AccountStore accounts;
    private AuthenticatorImpl auth;

    @BeforeEach
    void start() {
        db = TestDatabase.core();
        db.inTransaction(c -> Sql.update(c, "INSERT INTO HUB_ORG (NAME, KIND, PATH, CREATED_AT, UPDATED_AT) "
                + "VALUES ('市总工会', 'FEDERATION', '/1/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        SecurityConfig config = Configs.of(SecurityConfig.class, Map.of("password.iterations", 1000,
                "signin.free.failures", 2, "signin.lock.after", 4,
                "initial.password.file", data.resolve("initial-admin-password").toString()));
        accounts = new AccountStore(db, new AuditLogImpl(), Region.XIAMEN, config);
        accounts.ensure("clerk", "Haicang-Dock-7742", Set.of(Roles.OFFICER), 1L, null);
        // the realm as HubRealm registers it with Karaf, minus Karaf's proxy that finds the module in its bundle
        before = Configuration.getConfiguration();
        AppConfigurationEntry entry = new AppConfigurationEntry(HubLoginModule.class.getName(),
                LoginModuleControlFlag.REQUIRED, Map.of(HubLoginModule.ACCOUNTS_OPTION, accounts));
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                return HubRealm.NAME.equals(name) ? new AppConfigurationEntry[] {entry} : null;
            }
        });
        auth = new AuthenticatorImpl(db, accounts, new AuditLogImpl(), config);
    }

    @AfterEach
    void stop() {
        auth.deactivate();
        Configuration.setConfiguration(before);
    }

    @Test
    void theRightPasswordGivesTheAccountsCallerAndAWrongOneNothing() {
        Caller clerk = auth.login("Clerk", "Haicang-Dock-7742", "10.0.0.1").orElseThrow();
        assertEquals("clerk", clerk.username());
        assertTrue(clerk.hasRole(Roles.OFFICER));
        assertEquals(1L, clerk.orgId());
        assertTrue(auth.login("clerk", "haicang-dock-7742", "10.0.0.1").isEmpty(), "passwords are case-sensitive");
        assertTrue(auth.login("nobody", "Haicang-Dock-7742", "10.0.0.1").isEmpty());
        assertTrue(auth.login("clerk", "x".repeat(10_000), "10.0.0.1").isEmpty(), "an overlong password is not hashed");
        assertTrue(auth.login("", "Haicang-Dock-7742", null).isEmpty());
        long failures = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM HUB_AUDIT WHERE ACTION = 'core.signin.failure'"));
        assertEquals(3, failures, "each failed sign-in is audited");
    }

    @Test
    void afterRepeatedFailuresEvenTheRightPasswordIsRefusedUntilAnAdminUnlocks() {
        for (int i = 0; i < 2; i++) {
            assertTrue(auth.login("clerk", "wrong-" + i, "10.0.0.2").isEmpty(), "the free failures");
        }
        assertTrue(auth.login("clerk", "wrong-3", "10.0.0.2").isEmpty());
        TooManyAttempts backOff = assertThrows(TooManyAttempts.class,
                () -> auth.login("clerk", "Haicang-Dock-7742", "10.0.0.2"));
        assertEquals(429, backOff.status());
        assertFalse(backOff.getMessage().contains("locked"), backOff.getMessage());
        accounts.unlock(Caller.SYSTEM, "clerk");
        assertTrue(auth.login("clerk", "Haicang-Dock-7742", "10.0.0.2").isPresent(), "an admin's unlock lifts the back-off");
    }

    @Test
    void aRememberedPairIsForgottenWhenThePasswordChanges() {
        Caller clerk = auth.login("clerk", "Haicang-Dock-7742", "10.0.0.3").orElseThrow();
        accounts.changeOwnPassword(clerk, "Haicang-Dock-7742", "Xiamen-Harbour-5519");
        assertTrue(auth.login("clerk", "Haicang-Dock-7742", "10.0.0.3").isEmpty(), "the old pair is not served from memory");
        assertTrue(auth.login("clerk", "Xiamen-Harbour-5519", "10.0.0.3").isPresent());
    }
}
