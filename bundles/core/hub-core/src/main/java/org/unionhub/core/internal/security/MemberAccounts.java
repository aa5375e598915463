package org.unionhub.core.internal.security;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.AuditLog;
import org.unionhub.api.HubException;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * Members' own accounts (issue 21): named by the member's mobile number, with the role {@code member} only, created
 * without a password when a join is approved; the member sets it (and later resets it) himself after proving his
 * phone with a code. Officers never see or set a member's password.
 */
@Component(service = MemberAccounts.class)
public class MemberAccounts {

    private final ModuleDatabase db;
    private final AccountStore accounts;
    private final AuditLog audit;

    @Activate
    public MemberAccounts(@Reference(target = "(unionhub.module=core)") ModuleDatabase db, @Reference AccountStore accounts,
            @Reference AuditLog audit) {
        this.db = db;
        this.accounts = accounts;
        this.audit = audit;
    }

    /**
     * Sets the password of a member's own account, after his phone code was checked; answers false, changing
     * nothing, when there is no such account. Every token of the account is withdrawn.
     */
    public boolean setPassword(String username, String password) {
        checkPassword(username, password);
        String hash = accounts.hasher().hash(password.toCharArray());
        boolean set = db.inTransaction(c -> {
            int n = Sql.update(c, "UPDATE HUB_ACCOUNT SET PASSWORD_HASH = ?, UPDATED_AT = ? WHERE USERNAME = ? AND ROLES = ?",
                    hash, Instant.now(), username, Roles.MEMBER);
            if (n > 0) {
                Sql.update(c, "DELETE FROM HUB_TOKEN WHERE USERNAME = ?", username);
                audit.record(c, Caller.ANONYMOUS, "core.account.password.phone", "account", username, Map.of());
            }
            return n > 0;
        });
        if (set) {
            accounts.passwordChanged(username);
        }
        return set;
    }

    /** 422 naming {@code password} when it is too weak for the account (checked before a code is used up). */
    public void checkPassword(String username, String password) {
        String weak = PasswordPolicy.problem(password, username);
        if (weak != null) {
            throw HubException.invalid("password", weak);
        }
    }

    /** Whether {@code username} is a member's own account (roles: member only). */
    public boolean exists(String username) {
        return accounts.isMemberAccount(username);
    }

    /**
     * Creates the account of a member whose join was just approved, in the approval's transaction: named by his
     * phone number, role member, no password until he sets one with a phone code. 409 naming {@code phone} when an
     * account of that name exists.
     */
    public void insertWithoutPassword(Connection c, Caller caller, String phone, long memberId) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM HUB_ACCOUNT WHERE USERNAME = ?", phone) > 0) {
            throw HubException.conflict("phone", "an account is already named by this phone number");
        }
        Instant now = Instant.now();
        Sql.update(c, "INSERT INTO HUB_ACCOUNT (USERNAME, PASSWORD_HASH, ROLES, ORG_ID, MEMBER_ID, ENABLED, CREATED_AT, "
                + "UPDATED_AT) VALUES (?, ?, ?, NULL, ?, TRUE, ?, ?)", phone, AccountStore.UNSET, Roles.MEMBER, memberId, now, now);
        audit.record(c, caller, "core.account.create", "account", phone, Map.of("roles", Roles.MEMBER, "memberId", memberId));
    }
}
