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

    /**
     * Admins, and officers whose organisation contains the member's and who take part in claims (reviewer, approver
     * or payer): they read claims and take the steps their role allows.
     */
    static boolean reviews(Caller caller, long orgId, MemberDirectory directory) {
        if (caller.isAdmin()) {
            return true;
        }
        return handlesClaims(caller) && caller.canManage(orgId, directory);
    }

    /** Holds one of the roles that take part in claims: reviewer, approver or payer (or is an admin). */
    static boolean handlesClaims(Caller caller) {
        return caller.isAdmin() || caller.hasRole(Roles.OFFICER) && (caller.hasRole(Descriptor.CLAIMS_REVIEWER)
                || caller.hasRole(Descriptor.CLAIMS_APPROVER) || caller.hasRole(Descriptor.FUND_PAYER));
    }

    /** Medical details: the member himself and those who handle claims in his organisation chain. */
    static boolean readsClaim(Caller caller, long memberId, long orgId, MemberDirectory directory) {
        return isSelf(caller, memberId) || reviews(caller, orgId, directory);
    }

    static boolean hasDutyRole(Caller caller, Duty duty) {
        return caller.isAdmin() || caller.hasRole(Roles.OFFICER) && caller.hasRole(duty.role);
    }

    /** 403 unless the caller is an admin or an officer with the role of this step. */
    static void requireRole(Caller caller, Duty duty) {
        if (!hasDutyRole(caller, duty)) {
            throw HubException.forbidden("the " + duty.label + " of a claim requires role admin, or officer with " + duty.role);
        }
    }

    /**
     * A claim is reviewed by a union above the member's own: the grassroots union collects it, a higher level reviews
     * it. An officer of the member's own organisation may not review it (admins may).
     */
    static boolean higherLevel(Caller caller, long memberOrgId) {
        return caller.isAdmin() || caller.orgId() == null || caller.orgId() != memberOrgId;
    }

    static void requireHandler(Caller caller) {
        if (!handlesClaims(caller)) {
            throw HubException.forbidden("requires role admin, or officer with " + Descriptor.CLAIMS_REVIEWER + ", "
                    + Descriptor.CLAIMS_APPROVER + " or " + Descriptor.FUND_PAYER);
        }
    }

    static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw HubException.forbidden("requires role admin");
        }
    }
}
