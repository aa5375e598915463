package org.unionhub.api.security;

import java.security.Principal;
import java.util.Set;

import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;

/**
 * Who sent a request: the account name, its roles, the organisation an officer is bound to and the
 * member record a member account belongs to. {@link #ANONYMOUS} has no roles.
 */
public record Caller(String username, Set<String> roles, Long orgId, Long memberId) implements Principal {

    public static final Caller ANONYMOUS = new Caller("anonymous", Set.of(), null, null);
    /** The hub acting on its own behalf: demo data, scheduled jobs, migrations. */
    public static final Caller SYSTEM = new Caller("system", Set.of(Roles.ADMIN), null, null);

    public Caller {
        roles = roles == null ? Set.of() : Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public boolean isAnonymous() {
        return this == ANONYMOUS || roles.isEmpty() && "anonymous".equals(username);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean hasAnyRole(String... wanted) {
        for (String r : wanted) {
            if (roles.contains(r)) {
                return true;
            }
        }
        return false;
    }

    public boolean isAdmin() {
        return roles.contains(Roles.ADMIN);
    }

    /**
     * Whether this caller may see and change records of {@code orgId}: admins everywhere, an officer
     * in his organisation and below it.
     */
    public boolean canManage(long orgId, MemberDirectory directory) {
        if (isAdmin()) {
            return true;
        }
        return hasRole(Roles.OFFICER) && this.orgId != null && directory.isWithin(orgId, this.orgId);
    }

    /** Throws 403 unless the caller has one of the roles. */
    public void require(String... wanted) {
        if (!hasAnyRole(wanted)) {
            throw HubException.forbidden("requires role " + String.join(" or ", wanted));
        }
    }
}
