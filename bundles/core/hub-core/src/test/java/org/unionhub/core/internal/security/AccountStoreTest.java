package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionhub.api.FieldError;
import org.unionhub.api.HubException;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.core.internal.audit.AuditLogImpl;
import org.unionhub.testing.Configs;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.Region;

/** Accounts on the core's real schema: creation rules, password checks, rehashing, disabling, demo accounts. */
class AccountStoreTest {

    private static final Caller ADMIN = new Caller("admin", Set.of(Roles.ADMIN), null, null);

    @TempDir
    Path data;
    private ModuleDatabase db;

    @BeforeEach
    void freshCore() {
        db = TestDatabase.core();
    }

    private AccountStore store(boolean demo, int iterations) {
        return new AccountStore(db, new AuditLogImpl(), Region.XIAMEN.demo(demo), Configs.of(SecurityConfig.class, Map.of(
                "password.iterations", iterations, "initial.password.file", data.resolve("initial-admin-password").toString())));
    }

    @Test
    void aDemoInstallHasTheKnownAdminAndANonDemoOneARandomPasswordInAnOwnerOnlyFile() throws Exception {
        assertTrue(store(true, 1000).verify("admin", "admin".toCharArray()).isPresent());

        db = TestDatabase.core();
        AccountStore production = store(false, 1000);
        assertTrue(production.verify("admin", "admin".toCharArray()).isEmpty());
        Path file = data.resolve("initial-admin-password");
        String password = java.nio.file.Files.readString(file).trim();
        assertTrue(password.length() >= 16, password);
        assertTrue(production.verify("admin", password.toCharArray()).isPresent());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(file)));
    }

    @Test
    void switchingADemoInstallToProductionRemovesTheDemoAccountsThatStillHaveTheirNameAsPassword() {
        store(true, 1000).ensure("officer", "officer", Set.of(Roles.OFFICER), null, null);
        store(true, 1000).ensure("porter", "Gulangyu-Pier-4410", Set.of(Roles.ADMIN), null, null);
        AccountStore production = store(false, 1000);
        assertTrue(production.verify("admin", "admin".toCharArray()).isEmpty());
        assertEquals(0L, count("SELECT COUNT(*) FROM HUB_ACCOUNT WHERE USERNAME = 'officer'"));
        assertTrue(production.verify("porter", "Gulangyu-Pier-4410".toCharArray()).isPresent(),
                "a demo name whose password was changed is a real account now");
    }

    @Test
    void anAccountIsCreatedOnlyWithAStrongPasswordKnownRolesAndItsBindings() {
        AccountStore accounts = store(true, 1000);
        HubException weak = assertThrows(HubException.class, () -> accounts.create(ADMIN,
                new AccountRequest("clerk1", "password123", Set.of(Roles.OFFICER), null, null, null)));
        assertEquals(422, weak.status());
        assertTrue(fields(weak).containsAll(Set.of("password", "orgId")), weak.errors().toString());

        HubException unknown = assertThrows(HubException.class, () -> accounts.create(ADMIN,
                new AccountRequest("clerk1", "Haicang-Dock-7742", Set.of("auditor"), null, null, null)));
        assertEquals(Set.of("roles"), fields(unknown));

        assertThrows(HubException.class, () -> accounts.create(ADMIN,
                new AccountRequest("Clerk One", "Haicang-Dock-7742", Set.of(Roles.ADMIN), null, null, null)));

        Account made = accounts.create(ADMIN, new AccountRequest("clerk1", "Haicang-Dock-7742", Set.of(Roles.ADMIN), null, null, null));
        assertEquals(Set.of(Roles.ADMIN), made.roles());
        assertTrue(made.enabled());
        HubException twice = assertThrows(HubException.class, () -> accounts.create(ADMIN,
                new AccountRequest("clerk1", "Haicang-Dock-7742", Set.of(Roles.ADMIN), null, null, null)));
        assertEquals(409, twice.status());
        assertEquals(1L, count("SELECT COUNT(*) FROM HUB_AUDIT WHERE ACTION = 'core.account.create' AND ENTITY_ID = 'clerk1'"));
    }

    @Test
    void aPasswordIsCheckedCaseInsensitivelyByNameAndADisabledAccountSignsInNoMore() {
        AccountStore accounts = store(true, 1000);
        accounts.create(ADMIN, new AccountRequest("clerk2", "Siming-Harbour-5531", Set.of(Roles.ADMIN), null, null, null));
        assertTrue(accounts.verify("CLERK2", "Siming-Harbour-5531".toCharArray()).isPresent());
        assertTrue(accounts.verify("clerk2", "siming-harbour-5531".toCharArray()).isEmpty());
        assertTrue(accounts.verify("nobody", "Siming-Harbour-5531".toCharArray()).isEmpty());

        int[] cacheFlushes = {0};
        accounts.onPasswordChange(() -> cacheFlushes[0]++);
        accounts.update(ADMIN, "clerk2", new AccountRequest(null, null, null, null, null, false));
        assertTrue(accounts.verify("clerk2", "Siming-Harbour-5531".toCharArray()).isEmpty());
        assertEquals(1, cacheFlushes[0]);
    }

    @Test
    void aHashWithFewerIterationsThanConfiguredIsReplacedAtTheNextGoodSignIn() {
        store(true, 1000).ensure("clerk3", "Jimei-Bridge-8890", Set.of(Roles.ADMIN), null, null);
        String before = hash("clerk3");
        AccountStore stronger = store(true, 2000);
        assertTrue(stronger.verify("clerk3", "wrong-password-1".toCharArray()).isEmpty());
        assertEquals(before, hash("clerk3"), "a wrong password changes nothing");
        assertTrue(stronger.verify("clerk3", "Jimei-Bridge-8890".toCharArray()).isPresent());
        assertNotEquals(before, hash("clerk3"));
        assertTrue(stronger.verify("clerk3", "Jimei-Bridge-8890".toCharArray()).isPresent());
    }

    @Test
    void changingOnesOwnPasswordNeedsTheCurrentOneAndEndsEveryToken() {
        AccountStore accounts = store(true, 1000);
        accounts.ensure("clerk4", "Xiangan-Ferry-3317", Set.of(Roles.ADMIN), null, null);
        Caller clerk = new Caller("clerk4", Set.of(Roles.ADMIN), null, null);
        db.inTransaction(c -> Sql.update(c, "INSERT INTO HUB_TOKEN (TOKEN_HASH, USERNAME, ISSUED_AT, EXPIRES_AT) "
                + "VALUES ('h', 'clerk4', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        HubException wrong = assertThrows(HubException.class,
                () -> accounts.changeOwnPassword(clerk, "not-it", "Tongan-Valley-6620"));
        assertEquals(Set.of("currentPassword"), fields(wrong));
        accounts.changeOwnPassword(clerk, "Xiangan-Ferry-3317", "Tongan-Valley-6620");
        assertTrue(accounts.verify("clerk4", "Tongan-Valley-6620".toCharArray()).isPresent());
        assertFalse(accounts.verify("clerk4", "Xiangan-Ferry-3317".toCharArray()).isPresent());
        assertEquals(0L, count("SELECT COUNT(*) FROM HUB_TOKEN WHERE USERNAME = 'clerk4'"));
    }

    @Test
    void accountsPageByUserNameWithACursorAndFilterByRole() {
        AccountStore accounts = store(true, 1000);
        for (int i = 0; i < 7; i++) {
            accounts.ensure("staff" + i, "Staff-Password-" + i + "x9", Set.of(i % 2 == 0 ? Roles.ADMIN : "auditor"), null, null);
        }
        var first = accounts.list(Roles.ADMIN, null, PageRequest.of(null, 2));
        assertEquals(2, first.items().size());
        var rest = accounts.list(Roles.ADMIN, null, PageRequest.of(null, 10, null, first.nextCursor(), null));
        assertEquals(Set.of("admin", "staff0", "staff2", "staff4", "staff6"), names(first, rest));
    }

    private static Set<String> names(org.unionhub.api.Page<Account> a, org.unionhub.api.Page<Account> b) {
        Set<String> all = new java.util.TreeSet<>();
        a.items().forEach(x -> all.add(x.username()));
        b.items().forEach(x -> all.add(x.username()));
        return all;
    }

    private long count(String sql) {
        return db.read(c -> Sql.count(c, sql));
    }

    private String hash(String user) {
        return db.read(c -> Sql.one(c, "SELECT PASSWORD_HASH FROM HUB_ACCOUNT WHERE USERNAME = ?", rs -> rs.getString(1), user))
                .orElseThrow();
    }

    private static Set<String> fields(HubException e) {
        Set<String> out = new java.util.TreeSet<>();
        for (FieldError f : e.errors()) {
            out.add(f.field());
        }
        return out;
    }
}
