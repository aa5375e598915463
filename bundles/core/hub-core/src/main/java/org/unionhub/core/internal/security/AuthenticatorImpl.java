package org.unionhub.core.internal.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.TooManyAttempts;

/**
 * Sign-in through the {@code unionhub} JAAS realm, and bearer tokens so that the slow password hash
 * is paid once per sign-in. Tokens are stored as SHA-256 hashes and survive a restart; checked
 * Basic credentials are remembered for a short while, keyed by a hash of the pair. Failed sign-ins are audited
 * and throttled ({@link SignInGuard}), and at most {@code signin.concurrent.hashes} password hashes run at once,
 * so that wrong passwords, however many, leave the hub's cores to its users. Both caches are bounded and expired
 * tokens are swept.
 */
@Component(configurationPid = SecurityConfig.PID)
public class AuthenticatorImpl implements Authenticator {

    /** Entries per cache; beyond it stale entries go, then all (a cache miss costs one read or one hash). */
    static final int MAX_CACHED = 10_000;
    private static final int MAX_PASSWORD_CHARS = 1_024;

    private final Logger logger = LoggerFactory.getLogger(AuthenticatorImpl.class);
    private final ModuleDatabase db;
    private final AccountStore accounts;
    private final AuditLog audit;
    private final Semaphore hashing;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "unionhub-token-sweep");
        t.setDaemon(true);
        return t;
    });
    private final Duration tokenLifetime;
    private final Duration basicCache;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Map<String, Cached> basics = new ConcurrentHashMap<>();
    private final SingleFlight<String, Optional<Caller>> checking = new SingleFlight<>();

    private record Cached(Caller caller, Instant until) {
        boolean fresh() {
            return Instant.now().isBefore(until);
        }
    }

    @Activate
    public AuthenticatorImpl(@Reference(target = "(unionhub.module=core)") ModuleDatabase db,
            @Reference AccountStore accounts, @Reference AuditLog audit, SecurityConfig config) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
        this.hashing = new Semaphore(Math.max(1, config.signin_concurrent_hashes()), true);
        long sweep = Math.max(1, config.token_sweep_minutes());
        sweeper.scheduleWithFixedDelay(this::sweep, sweep, sweep, TimeUnit.MINUTES);
        this.tokenLifetime = Duration.ofHours(Math.max(1, config.token_hours()));
        this.basicCache = Duration.ofSeconds(Math.max(0, config.basic_cache_seconds()));
        accounts.onPasswordChange(() -> {
            tokens.clear();
            basics.clear();
        });
    }

    @Deactivate
    void deactivate() {
        sweeper.shutdownNow();
    }

    @Override
    public Optional<Caller> login(String username, String password) {
        return login(username, password, null);
    }

    @Override
    public Optional<Caller> login(String username, String password, String address) {
        if (username == null || password == null || username.isBlank()) {
            return Optional.empty();
        }
        String key = sha256(username + '\u0000' + password);
        Cached hit = basics.get(key);
        if (hit != null && hit.fresh()) {
            return Optional.of(hit.caller());
        }
        SignInGuard guard = accounts.guard();
        long now = System.currentTimeMillis();
        long wait = guard.waitMillis(username, address, now);
        if (wait > 0) {
            // the cheap path: no hash, no database, whatever the password
            throw new TooManyAttempts(guard.locked(username, now)
                    ? "too many failed sign-ins: the account is locked; an admin can unlock it, or retry later"
                    : "too many failed sign-ins; retry in " + (wait + 999) / 1000 + " s", (wait + 999) / 1000);
        }
        // concurrent requests with the same pair share one hash (a script's burst when its cache entry is missing);
        // each still counts as its own attempt below
        Optional<Caller> caller = password.length() > MAX_PASSWORD_CHARS ? Optional.empty()
                : checking.run(key, () -> hashed(username, password, address));
        if (caller.isEmpty()) {
            boolean lockedNow = guard.failed(username, address, System.currentTimeMillis(), accounts.isMemberAccount(username));
            auditFailure(username, address, lockedNow);
            return caller;
        }
        guard.succeeded(username, address);
        if (!basicCache.isZero()) {
            bound(basics);
            basics.put(key, new Cached(caller.get(), Instant.now().plus(basicCache)));
        }
        return caller;
    }

    /**
     * The JAAS login, with at most {@code signin.concurrent.hashes} of them running at once. An attempt that waited
     * for its turn is checked against the throttle again: under a flood the counters close while it waits.
     */
    private Optional<Caller> hashed(String username, String password, String address) {
        try {
            if (!hashing.tryAcquire(10, TimeUnit.SECONDS)) {
                throw HubException.unavailable("too many sign-ins at once; retry shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw HubException.unavailable("interrupted while waiting to check the password");
        }
        try {
            long wait = accounts.guard().waitMillis(username, address, System.currentTimeMillis());
            if (wait > 0) {
                throw new TooManyAttempts("too many failed sign-ins; retry in " + (wait + 999) / 1000 + " s", (wait + 999) / 1000);
            }
            return jaasLogin(username, password);
        } finally {
            hashing.release();
        }
    }

    private void auditFailure(String username, String address, boolean lockedNow) {
        String name = username.length() > 64 ? username.substring(0, 64) : username;
        Map<String, Object> what = new java.util.LinkedHashMap<>();
        what.put("address", address);
        what.put("locked", lockedNow);
        try {
            db.inTransaction(c -> {
                audit.record(c, Caller.ANONYMOUS, "core.signin.failure", "account", name, what);
                return null;
            });
        } catch (RuntimeException e) {
            logger.warn("Failed sign-in of '{}' from {} could not be audited: {}", name, address, e.getMessage());
        }
        if (lockedNow) {
            logger.warn("Account '{}' locked after repeated failed sign-ins (last from {})", name, address);
        }
    }

    /** Deletes expired tokens and forgets stale cache entries. */
    void sweep() {
        try {
            Instant now = Instant.now();
            int gone = db.inTransaction(c -> Sql.update(c, "DELETE FROM HUB_TOKEN WHERE EXPIRES_AT < ?", now));
            tokens.values().removeIf(v -> !v.fresh());
            basics.values().removeIf(v -> !v.fresh());
            if (gone > 0) {
                logger.debug("Swept {} expired tokens", gone);
            }
        } catch (RuntimeException e) {
            logger.warn("Token sweep failed: {}", e.getMessage());
        }
    }

    private static void bound(Map<String, Cached> cache) {
        if (cache.size() >= MAX_CACHED) {
            cache.values().removeIf(v -> !v.fresh());
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
        }
    }

    private Optional<Caller> jaasLogin(String username, String password) {
        Subject subject = new Subject();
        try {
            LoginContext lc = new LoginContext(HubRealm.NAME, subject, callbacks -> {
                for (Callback cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(username);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            lc.login();
        } catch (LoginException e) {
            return Optional.empty();
        }
        Set<String> roles = new HashSet<>();
        subject.getPrincipals(RolePrincipal.class).forEach(r -> roles.add(r.getName()));
        HubPrincipal hub = subject.getPrincipals(HubPrincipal.class).stream().findFirst().orElse(null);
        Long orgId = hub == null ? null : hub.orgId();
        Long memberId = hub == null ? null : hub.memberId();
        return Optional.of(new Caller(username.toLowerCase(), roles, orgId, memberId));
    }

    @Override
    public Optional<Caller> bearer(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        String hash = sha256(token);
        Cached hit = tokens.get(hash);
        if (hit != null) {
            return hit.fresh() ? Optional.of(hit.caller()) : Optional.empty();
        }
        Optional<Object[]> row = db.read(c -> Sql.one(c, "SELECT T.USERNAME, T.EXPIRES_AT, A.ROLES, A.ORG_ID, A.MEMBER_ID, "
                + "A.ENABLED FROM HUB_TOKEN T JOIN HUB_ACCOUNT A ON A.USERNAME = T.USERNAME WHERE T.TOKEN_HASH = ?",
                rs -> new Object[] {rs.getString(1), Sql.getInstant(rs, "EXPIRES_AT"), rs.getString(3),
                        Sql.getLong(rs, "ORG_ID"), Sql.getLong(rs, "MEMBER_ID"), rs.getBoolean(6)}, hash));
        if (row.isEmpty() || !(Boolean) row.get()[5]) {
            return Optional.empty();
        }
        Object[] r = row.get();
        Set<String> roles = new HashSet<>();
        for (String role : ((String) r[2]).split(",")) {
            if (!role.isBlank()) {
                roles.add(role.trim());
            }
        }
        Cached cached = new Cached(new Caller((String) r[0], roles, (Long) r[3], (Long) r[4]), (Instant) r[1]);
        if (!cached.fresh()) {
            return Optional.empty(); // an expired token is not cached: the sweep deletes it
        }
        bound(tokens);
        tokens.put(hash, cached);
        return cached.fresh() ? Optional.of(cached.caller()) : Optional.empty();
    }

    @Override
    public Token issueToken(Caller caller) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = Instant.now();
        Instant expires = now.plus(tokenLifetime);
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ? AND EXPIRES_AT < ?", caller.username(), now);
            return Sql.update(c, "INSERT INTO HUB_TOKEN (TOKEN_HASH, USERNAME, ISSUED_AT, EXPIRES_AT) VALUES (?, ?, ?, ?)",
                    sha256(token), caller.username(), now, expires);
        });
        bound(tokens);
        tokens.put(sha256(token), new Cached(caller, expires));
        return new Token(token, expires);
    }

    @Override
    public void revoke(String token) {
        String hash = sha256(token);
        tokens.remove(hash);
        db.inTransaction(c -> Sql.update(c, "DELETE FROM HUB_TOKEN WHERE TOKEN_HASH = ?", hash));
    }

    @Override
    public void revokeAll(String username) {
        String name = username.toLowerCase();
        db.inTransaction(c -> {
            Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ?", name);
            // the account itself signs out everywhere (or an admin for it): the actor is the account
            audit.record(c, new Caller(name, Set.of(), null, null), "core.token.revoke-all", "account", name, Map.of());
            return null;
        });
        tokens.values().removeIf(v -> v.caller().username().equals(name));
        basics.values().removeIf(v -> v.caller().username().equals(name));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
