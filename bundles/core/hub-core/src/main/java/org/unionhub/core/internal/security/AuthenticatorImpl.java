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
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Authenticator;
import org.unionhub.api.security.Caller;

/**
 * Sign-in through the {@code unionhub} JAAS realm, and bearer tokens so that the slow password hash
 * is paid once per sign-in. Tokens are stored as SHA-256 hashes and survive a restart; checked
 * Basic credentials are remembered for a short while, keyed by a hash of the pair.
 */
@Component(configurationPid = SecurityConfig.PID)
public class AuthenticatorImpl implements Authenticator {

    private final ModuleDatabase db;
    private final AccountStore accounts;
    private final Duration tokenLifetime;
    private final Duration basicCache;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();
    private final Map<String, Cached> basics = new ConcurrentHashMap<>();

    private record Cached(Caller caller, Instant until) {
        boolean fresh() {
            return Instant.now().isBefore(until);
        }
    }

    @Activate
    public AuthenticatorImpl(@Reference(target = "(unionhub.module=core)") ModuleDatabase db,
            @Reference AccountStore accounts, SecurityConfig config) {
        this.db = db;
        this.accounts = accounts;
        this.tokenLifetime = Duration.ofHours(Math.max(1, config.token_hours()));
        this.basicCache = Duration.ofSeconds(Math.max(0, config.basic_cache_seconds()));
        accounts.onPasswordChange(() -> {
            tokens.clear();
            basics.clear();
        });
    }

    @Override
    public Optional<Caller> login(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        String key = sha256(username + '\u0000' + password);
        Cached hit = basics.get(key);
        if (hit != null && hit.fresh()) {
            return Optional.of(hit.caller());
        }
        Optional<Caller> caller = jaasLogin(username, password);
        caller.ifPresent(c -> {
            if (!basicCache.isZero()) {
                if (basics.size() > 10_000) {
                    basics.values().removeIf(v -> !v.fresh());
                }
                basics.put(key, new Cached(c, Instant.now().plus(basicCache)));
            }
        });
        return caller;
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
        tokens.put(sha256(token), new Cached(caller, expires));
        return new Token(token, expires);
    }

    @Override
    public void revoke(String token) {
        String hash = sha256(token);
        tokens.remove(hash);
        db.inTransaction(c -> Sql.update(c, "DELETE FROM HUB_TOKEN WHERE TOKEN_HASH = ?", hash));
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
