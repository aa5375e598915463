package org.unionhub.core.internal.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.HubModule;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.Validation;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * The hub's accounts, in its own database: salted PBKDF2 hashes, roles, and the organisation or member
 * an account is bound to. Sign-in reads one row by primary key, so it costs the same with a million
 * accounts as with ten.
 */
@Component(service = AccountStore.class, configurationPid = SecurityConfig.PID)
@Designate(ocd = SecurityConfig.class)
public class AccountStore {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{2,63}");
    /** The demo accounts (name = password); a non-demo install removes those that still have that password. */
    static final List<String> DEMO_ACCOUNTS = List.of("admin", "officer", "siming", "member", "porter", "reviewer", "approver",
            "payer", "worker");

    private final Logger logger = LoggerFactory.getLogger(AccountStore.class);
    private final ModuleDatabase db;
    private final AuditLog audit;
    private final PasswordHasher hasher;
    private final String decoy;
    private final SignInGuard guard;
    private final List<HubModule> modules = new CopyOnWriteArrayList<>();
    private final List<Runnable> passwordListeners = new CopyOnWriteArrayList<>();

    /** The hash of an account whose member has not set his password yet: no password matches it. */
    public static final String UNSET = "!unset";

    /** A verified account, for the login module. */
    public record Verified(String username, Set<String> roles, Long orgId, Long memberId) {
    }

    @Activate
    public AccountStore(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AuditLog audit,
            @Reference HubSettings settings, SecurityConfig config) {
        this.db = db;
        this.audit = audit;
        this.hasher = new PasswordHasher(config.password_iterations());
        if (hasher.iterations() < PasswordHasher.DEFAULT_ITERATIONS) {
            logger.warn("password.iterations = {}: weaker than the {} iterations OWASP advises; use it for tests only",
                    hasher.iterations(), PasswordHasher.DEFAULT_ITERATIONS);
        }
        this.decoy = DemoHashes.decoy(hasher.iterations()).orElseGet(hasher::decoy);
        this.guard = new SignInGuard(guardSettings(config));
        if (!settings.demo()) {
            removeDemoAccounts();
        }
        bootstrapAdmin(settings.demo(), Path.of(PersonalDataCipherImpl.expand(config.initial_password_file())));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addModule(HubModule module) {
        modules.add(module);
    }

    void removeModule(HubModule module) {
        modules.remove(module);
    }

    /** Called when a password changes or an account is disabled, so credential caches forget it. */
    public void onPasswordChange(Runnable listener) {
        passwordListeners.add(listener);
    }

    /** Makes credential caches forget every account, after accounts were disabled outside this class (an erasure). */
    public void forgetCredentials() {
        passwordListeners.forEach(Runnable::run);
    }

    static SignInGuard.Settings guardSettings(SecurityConfig config) {
        return new SignInGuard.Settings(Math.max(0, config.signin_free_failures()),
                Math.max(0, config.signin_address_free_failures()), Math.max(0, config.signin_lock_after()),
                Math.max(0, config.signin_lock_minutes()) * 60_000L);
    }

    /** The failed sign-ins counters; the authenticator consults them before any hash. */
    SignInGuard guard() {
        return guard;
    }

    /** An admin lifts a sign-in lock (and the back-off) of an account. */
    public void unlock(Caller caller, String username) {
        db.inTransaction(c -> {
            load(c, username);
            audit.record(c, caller, "core.account.unlock", "account", username, Map.of());
            return null;
        });
        guard.unlock(username);
    }

    public Set<String> knownRoles() {
        Set<String> roles = new TreeSet<>(Set.of(Roles.ADMIN, Roles.OFFICER, Roles.MEMBER));
        modules.forEach(m -> roles.addAll(m.roles()));
        return roles;
    }

    public Optional<Verified> verify(String username, char[] password) {
        Optional<Object[]> row = db.read(c -> Sql.one(c,
                "SELECT PASSWORD_HASH, ROLES, ORG_ID, MEMBER_ID, ENABLED FROM HUB_ACCOUNT WHERE USERNAME = ?",
                rs -> new Object[] {rs.getString(1), rs.getString(2), Sql.getLong(rs, "ORG_ID"),
                        Sql.getLong(rs, "MEMBER_ID"), rs.getBoolean(5)}, username == null ? "" : username.toLowerCase()));
        if (row.isEmpty() || UNSET.equals(row.get()[0])) {
            hasher.matches(password, decoy); // an unset password (a member not yet past his code) costs the same
            return Optional.empty();
        }
        Object[] r = row.get();
        if (!hasher.matches(password, (String) r[0]) || !(Boolean) r[4]) {
            return Optional.empty();
        }
        if (hasher.needsRehash((String) r[0])) {
            // hashed with fewer iterations than configured now: the password is at hand, so hash it again
            String again = hasher.hash(password);
            db.inTransaction(c -> Sql.update(c, "UPDATE HUB_ACCOUNT SET PASSWORD_HASH = ? WHERE USERNAME = ? AND PASSWORD_HASH = ?",
                    again, username.toLowerCase(), r[0]));
        }
        return Optional.of(new Verified(username.toLowerCase(), roles((String) r[1]), (Long) r[2], (Long) r[3]));
    }

    public Account create(Caller caller, AccountRequest req) {
        Validation v = new Validation();
        v.required("username", req.username());
        v.valid("username", req.username(), u -> USERNAME.matcher(u).matches(),
                "3 to 64 lower-case letters, digits and . _ @ -, starting with a letter or digit");
        v.required("password", req.password());
        String weak = req.password() == null ? null : PasswordPolicy.problem(req.password(), req.username());
        v.check(weak == null, "password", weak);
        v.required("roles", req.roles());
        validateBinding(v, req.roles(), req.orgId(), req.memberId());
        v.throwIfInvalid();
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM HUB_ACCOUNT WHERE USERNAME = ?", req.username()) > 0) {
                throw HubException.conflict("username", "account " + req.username() + " already exists");
            }
            checkReferences(c, req.orgId(), req.memberId());
            Instant now = Instant.now();
            Sql.update(c, "INSERT INTO HUB_ACCOUNT (USERNAME, PASSWORD_HASH, ROLES, ORG_ID, MEMBER_ID, ENABLED, CREATED_AT, "
                    + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", req.username(), hasher.hash(req.password().toCharArray()),
                    String.join(",", new TreeSet<>(req.roles())), req.orgId(), req.memberId(),
                    req.enabled() == null || req.enabled(), now, now);
            audit.record(c, caller, "core.account.create", "account", req.username(), changes(req));
            return load(c, req.username());
        });
    }

    public Account update(Caller caller, String username, AccountRequest req) {
        Account updated = db.inTransaction(c -> {
            Account current = load(c, username);
            Set<String> roles = req.roles() == null ? current.roles() : req.roles();
            Long orgId = req.orgId() == null ? current.orgId() : req.orgId();
            Long memberId = req.memberId() == null ? current.memberId() : req.memberId();
            Validation v = new Validation();
            String weak = req.password() == null ? null : PasswordPolicy.problem(req.password(), username);
            v.check(weak == null, "password", weak);
            validateBinding(v, roles, orgId, memberId);
            v.check(req.username() == null || req.username().equals(username), "username", "cannot be changed");
            v.throwIfInvalid();
            checkReferences(c, orgId, memberId);
            boolean enabled = req.enabled() == null ? current.enabled() : req.enabled();
            Sql.update(c, "UPDATE HUB_ACCOUNT SET ROLES = ?, ORG_ID = ?, MEMBER_ID = ?, ENABLED = ?, UPDATED_AT = ? WHERE USERNAME = ?",
                    String.join(",", new TreeSet<>(roles)), orgId, memberId, enabled, Instant.now(), username);
            if (req.password() != null) {
                Sql.update(c, "UPDATE HUB_ACCOUNT SET PASSWORD_HASH = ? WHERE USERNAME = ?",
                        hasher.hash(req.password().toCharArray()), username);
            }
            if (req.password() != null || !enabled || !roles.equals(current.roles())) {
                Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ?", username);
            }
            audit.record(c, caller, "core.account.update", "account", username, changes(req));
            return load(c, username);
        });
        passwordListeners.forEach(Runnable::run);
        return updated;
    }

    public void changeOwnPassword(Caller caller, String currentPassword, String newPassword) {
        Validation v = new Validation();
        v.required("currentPassword", currentPassword);
        v.required("newPassword", newPassword);
        String weak = newPassword == null ? null : PasswordPolicy.problem(newPassword, caller.username());
        v.check(weak == null, "newPassword", weak);
        v.throwIfInvalid();
        if (verify(caller.username(), currentPassword.toCharArray()).isEmpty()) {
            throw HubException.invalid("currentPassword", "does not match");
        }
        db.inTransaction(c -> {
            Sql.update(c, "UPDATE HUB_ACCOUNT SET PASSWORD_HASH = ?, UPDATED_AT = ? WHERE USERNAME = ?",
                    hasher.hash(newPassword.toCharArray()), Instant.now(), caller.username());
            Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ?", caller.username());
            audit.record(c, caller, "core.account.password", "account", caller.username(), Map.of());
            return null;
        });
        passwordListeners.forEach(Runnable::run);
    }

    /** Whether {@code username} is a member's own account (roles: member only), which sign-in never locks. */
    boolean isMemberAccount(String username) {
        return username != null && db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM HUB_ACCOUNT WHERE USERNAME = ? AND ROLES = ?",
                username.trim().toLowerCase(), Roles.MEMBER)) > 0;
    }

    /** For {@link MemberAccounts}: the hasher of new passwords. */
    PasswordHasher hasher() {
        return hasher;
    }

    /** For {@link MemberAccounts}: a password changed outside this class, so caches and throttles forget it. */
    void passwordChanged(String username) {
        guard.unlock(username);
        passwordListeners.forEach(Runnable::run);
    }

    public Account get(String username) {
        return db.read(c -> load(c, username));
    }

    /** The accounts with {@code role} and of organisation {@code orgId} (each when not null), by user name. */
    public Page<Account> list(String role, Long orgId, PageRequest page) {
        return db.read(c -> AccountPages.list(c, role, orgId, page));
    }

    /** Creates an account unless one of that name exists; for demo data and the bootstrap admin. */
    public boolean ensure(String username, String password, Set<String> roles, Long orgId, Long memberId) {
        return db.inTransaction(c -> {
            if (Sql.count(c, "SELECT COUNT(*) FROM HUB_ACCOUNT WHERE USERNAME = ?", username) > 0) {
                return false;
            }
            Instant now = Instant.now();
            Sql.update(c, "INSERT INTO HUB_ACCOUNT (USERNAME, PASSWORD_HASH, ROLES, ORG_ID, MEMBER_ID, ENABLED, CREATED_AT, "
                    + "UPDATED_AT) VALUES (?, ?, ?, ?, ?, TRUE, ?, ?)", username,
                    DemoHashes.of(username, password, hasher.iterations()).orElseGet(() -> hasher.hash(password.toCharArray())),
                    String.join(",", new TreeSet<>(roles)), orgId, memberId, now, now);
            audit.record(c, Caller.SYSTEM, "core.account.create", "account", username, Map.of("roles", roles));
            return true;
        });
    }

    private void bootstrapAdmin(boolean demo, Path passwordFile) {
        long admins = db.read(c -> Sql.count(c, "SELECT COUNT(*) FROM HUB_ACCOUNT WHERE ',' || ROLES || ',' LIKE '%,admin,%'"));
        if (admins > 0) {
            return;
        }
        if (demo) {
            ensure("admin", "admin", Set.of(Roles.ADMIN), null, null);
            logger.info("Demo install: account admin / admin created");
            return;
        }
        String password = randomPassword();
        ensure("admin", password, Set.of(Roles.ADMIN), null, null);
        try {
            Files.createDirectories(passwordFile.getParent());
            Files.deleteIfExists(passwordFile);
            try {
                // owner-only from its creation: never a moment in which another local user could read it
                Files.createFile(passwordFile, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(passwordFile); // Windows: the folder's ACL applies
            }
            Files.writeString(passwordFile, password + "\n");
            logger.warn("First start: the account 'admin' was created; its password is in {}. Change it and delete the file.",
                    passwordFile);
        } catch (IOException e) {
            logger.warn("First start: the account 'admin' was created with password {} (could not write {}: {})",
                    password, passwordFile, e.getMessage());
        }
    }

    /**
     * A demo install switched to non-demo: every demo account that still has its name as password goes, with its
     * tokens, so that admin/admin and the demo officers do not survive into production. The admin is then created
     * afresh with a random password.
     */
    private void removeDemoAccounts() {
        for (String name : DEMO_ACCOUNTS) {
            Optional<String> stored = db.read(c -> Sql.one(c, "SELECT PASSWORD_HASH FROM HUB_ACCOUNT WHERE USERNAME = ?",
                    rs -> rs.getString(1), name));
            // an untouched demo account still has the precomputed hash: no 600,000-iteration hash needed to know it
            boolean untouched = stored.isPresent() && stored.equals(DemoHashes.of(name, name, hasher.iterations()));
            if (stored.isPresent() && (untouched || verify(name, name.toCharArray()).isPresent())) {
                db.inTransaction(c -> {
                    Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ?", name);
                    Sql.update(c, "DELETE FROM HUB_ACCOUNT WHERE USERNAME = ?", name);
                    audit.record(c, Caller.SYSTEM, "core.account.delete", "account", name, Map.of("reason", "demo account, non-demo install"));
                    return null;
                });
                logger.warn("Non-demo install: the demo account '{}' (password = its name) was removed", name);
            }
        }
    }

    private void validateBinding(Validation v, Set<String> roles, Long orgId, Long memberId) {
        if (roles == null) {
            return;
        }
        Set<String> known = knownRoles();
        for (String r : roles) {
            v.check(known.contains(r), "roles", "unknown role '" + r + "'; known: " + String.join(", ", known));
        }
        v.check(!roles.contains(Roles.OFFICER) || orgId != null, "orgId", "is required for an officer");
        v.check(!roles.contains(Roles.MEMBER) || memberId != null, "memberId", "is required for a member");
    }

    private static void checkReferences(Connection c, Long orgId, Long memberId) throws SQLException {
        if (orgId != null && Sql.count(c, "SELECT COUNT(*) FROM HUB_ORG WHERE ID = ?", orgId) == 0) {
            throw HubException.invalid("orgId", "organisation " + orgId + " does not exist");
        }
        if (memberId != null && Sql.count(c, "SELECT COUNT(*) FROM HUB_MEMBER WHERE ID = ?", memberId) == 0) {
            throw HubException.invalid("memberId", "member " + memberId + " does not exist");
        }
    }

    private static Account load(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT * FROM HUB_ACCOUNT WHERE USERNAME = ?", AccountStore::account, username)
                .orElseThrow(() -> HubException.notFound("account", username));
    }

    static Account account(ResultSet rs) throws SQLException {
        return new Account(rs.getString("USERNAME"), roles(rs.getString("ROLES")), Sql.getLong(rs, "ORG_ID"),
                Sql.getLong(rs, "MEMBER_ID"), rs.getBoolean("ENABLED"), Sql.getInstant(rs, "CREATED_AT"),
                Sql.getInstant(rs, "UPDATED_AT"));
    }

    private static Set<String> roles(String csv) {
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Map<String, Object> changes(AccountRequest req) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("roles", req.roles());
        m.put("orgId", req.orgId());
        m.put("memberId", req.memberId());
        m.put("enabled", req.enabled());
        m.put("password", req.password() == null ? null : "(set)");
        return m;
    }

    private static String randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
