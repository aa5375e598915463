package org.unionhub.core.internal.security;

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
}
