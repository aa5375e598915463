package org.unionhub.mutualaid.internal;

import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/** Who may do what with a member's mutual-aid records. */
final class Access {

    private Access() {
    }

    /** The member himself, or anyone who manages his organisation (officers of the chain, admins). */
    static boolean actsFor(Caller caller, long memberId, long orgId, MemberDirectory directory) {
        return isSelf(caller, memberId) || caller.canManage(orgId, directory);
    }

    static boolean isSelf(Caller caller, long memberId) {
        return caller.memberId() != null && caller.memberId() == memberId;
    }

    /** Admins, and officers with the claims-reviewer role whose organisation contains the member's. */
    static boolean reviews(Caller caller, long orgId, MemberDirectory directory) {
        if (caller.isAdmin()) {
            return true;
        }
        return caller.hasRole(Roles.OFFICER) && caller.hasRole(MutualAidModule.CLAIMS_REVIEWER)
                && caller.canManage(orgId, directory);
    }

    /** Medical details: the member himself and the reviewers of his organisation chain. */
    static boolean readsClaim(Caller caller, long memberId, long orgId, MemberDirectory directory) {
        return isSelf(caller, memberId) || reviews(caller, orgId, directory);
    }

    static void requireReviewer(Caller caller) {
        if (!caller.isAdmin() && !(caller.hasRole(Roles.OFFICER) && caller.hasRole(MutualAidModule.CLAIMS_REVIEWER))) {
            throw HubException.forbidden("requires role admin, or officer with " + MutualAidModule.CLAIMS_REVIEWER);
        }
    }

    static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw HubException.forbidden("requires role admin");
        }
    }
}
