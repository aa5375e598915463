package org.unionhub.core.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.security.Authenticator.Token;
import org.unionhub.core.internal.audit.AuditLogImpl;
import org.unionhub.testing.Configs;
import org.unionhub.testing.TestDatabase;
import org.unionhub.testing.Region;

/** Bearer tokens on the core's real schema: only their hash is stored, they expire, and every way to end them works. */
class TokensTest {

    @TempDir
    Path data;
    private ModuleDatabase db;
    private AccountStore accounts;
    private AuthenticatorImpl auth;
    private final Caller clerk = new Caller("clerk", Set.of(Roles.OFFICER), 2L, null);

    @BeforeEach
    void start() {
        db = TestDatabase.core();
        db.inTransaction(c -> Sql.update(c, "INSERT INTO HUB_ORG (NAME, KIND, PATH, CREATED_AT, UPDATED_AT) "
                + "VALUES ('市总工会', 'FEDERATION', '/1/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        db.inTransaction(c -> Sql.update(c, "INSERT INTO HUB_ORG (NAME, KIND, PARENT_ID, PATH, CREATED_AT, UPDATED_AT) "
                + "VALUES ('海沧区总工会', 'DISTRICT', 1, '/1/2/', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
        SecurityConfig config = Configs.of(SecurityConfig.class, Map.of("password.iterations", 1000,
                "initial.password.file", data.resolve("initial-admin-password").toString()));
        accounts = new AccountStore(db, new AuditLogImpl(), Region.XIAMEN.demo(true), config);
        accounts.ensure("clerk", "Haicang-Dock-7742", Set.of(Roles.OFFICER), 2L, null);
        auth = new AuthenticatorImpl(db, accounts, new AuditLogImpl(), config);
    }

    @AfterEach
    void stop() {
        auth.deactivate();
    }

    @Test
    void aTokenNamesItsCallerAndOnlyItsHashIsStored() {
        Token token = auth.issueToken(clerk);
        assertTrue(token.token().length() >= 43, "256 random bits");
        assertEquals(clerk, auth.bearer(token.token()).orElseThrow());
        assertEquals(0L, count("SELECT COUNT(*) FROM HUB_TOKEN WHERE TOKEN_HASH = '" + token.token() + "'"));
        assertEquals(1L, count("SELECT COUNT(*) FROM HUB_TOKEN WHERE USERNAME = 'clerk'"));
        assertTrue(auth.bearer(token.token() + "x").isEmpty());
        assertTrue(auth.bearer("").isEmpty());
        assertNotEquals(token.token(), auth.issueToken(clerk).token());
    }

    @Test
    void aTokenReadFromTheDatabaseAfterARestartStillWorksUntilItExpires() {
        Token token = auth.issueToken(clerk);
        AuthenticatorImpl restarted = new AuthenticatorImpl(db, accounts, new AuditLogImpl(),
                Configs.of(SecurityConfig.class, Map.of("password.iterations", 1000)));
        try {
            assertEquals("clerk", restarted.bearer(token.token()).orElseThrow().username());
            db.inTransaction(c -> Sql.update(c, "UPDATE HUB_TOKEN SET EXPIRES_AT = ?", Timestamp.from(Instant.now().minusSeconds(1))));
            AuthenticatorImpl later = new AuthenticatorImpl(db, accounts, new AuditLogImpl(),
                    Configs.of(SecurityConfig.class, Map.of("password.iterations", 1000)));
            assertTrue(later.bearer(token.token()).isEmpty(), "expired");
            later.sweep();
            assertEquals(0L, count("SELECT COUNT(*) FROM HUB_TOKEN"));
            later.deactivate();
        } finally {
            restarted.deactivate();
        }
    }

    @Test
    void theLifetimeIsTheConfiguredOne() {
        Token token = auth.issueToken(clerk);
        Duration left = Duration.between(Instant.now(), token.expiresAt());
        assertTrue(left.compareTo(Duration.ofHours(8)) <= 0 && left.compareTo(Duration.ofHours(8).minusMinutes(1)) > 0, left.toString());
    }

    @Test
    void signingOutEndsOneTokenAndSigningOutEverywhereEndsAllOfThem() {
        Token a = auth.issueToken(clerk);
        Token b = auth.issueToken(clerk);
        auth.revoke(a.token());
        assertTrue(auth.bearer(a.token()).isEmpty());
        assertTrue(auth.bearer(b.token()).isPresent());
        Token c = auth.issueToken(clerk);
        auth.revokeAll("CLERK");
        assertTrue(auth.bearer(b.token()).isEmpty());
        assertTrue(auth.bearer(c.token()).isEmpty());
        assertEquals(1L, count("SELECT COUNT(*) FROM HUB_AUDIT WHERE ACTION = 'core.token.revoke-all' AND ACTOR = 'clerk'"));
    }

    @Test
    void disablingTheAccountOrChangingItsRolesEndsItsTokensAtOnce() {
        Token token = auth.issueToken(clerk);
        assertTrue(auth.bearer(token.token()).isPresent());
        Caller admin = new Caller("admin", Set.of(Roles.ADMIN), null, null);
        accounts.update(admin, "clerk", new AccountRequest(null, null, Set.of(Roles.ADMIN), null, null, null));
        assertTrue(auth.bearer(token.token()).isEmpty(), "roles changed: the cached caller must go too");

        Token again = auth.issueToken(new Caller("clerk", Set.of(Roles.ADMIN), null, null));
        accounts.update(admin, "clerk", new AccountRequest(null, null, null, null, null, false));
        assertTrue(auth.bearer(again.token()).isEmpty());
    }

    private long count(String sql) {
        return db.read(c -> Sql.count(c, sql));
    }
}
