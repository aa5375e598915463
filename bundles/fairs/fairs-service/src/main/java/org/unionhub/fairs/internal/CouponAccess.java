package org.unionhub.fairs.internal;

import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.api.validation.CreditCode;

/**
 * Who may see and redeem which claimed coupons. An officer sees and redeems the coupons of members in his part of
 * the tree and of batches his organisation issued; a merchant redeems as the merchant his account is bound to.
 */
final class CouponAccess {

    private CouponAccess() {
    }

    /** Admins; officers when the batch is their organisation's or the member is in their part of the tree. */
    static boolean officerMay(Caller caller, long memberId, Long batchOrgId, MemberDirectory directory) {
        if (caller.isAdmin()) {
            return true;
        }
        if (!caller.hasRole(Roles.OFFICER)) {
            return false;
        }
        if (batchOrgId != null && caller.canManage(batchOrgId, directory)) {
            return true;
        }
        return directory.member(memberId).map(m -> caller.canManage(m.orgId(), directory)).orElse(false);
    }

    /**
     * The merchant a merchant account acts for: a merchant account is named by its unified social credit code
     * (lower case), so the code comes from who signed in, never from the request. Null for any other name.
     */
    static String boundMerchant(Caller caller) {
        String name = caller.username() == null ? "" : caller.username().toUpperCase();
        return CreditCode.isValid(name) ? CreditCode.normalize(name) : null;
    }

    /**
     * Appends the officer's scope to a coupon listing ({@code C} the coupon, {@code B} its batch): coupons of the
     * members of his part of the tree (the organisation a coupon's member belonged to when claiming it) or of batches
     * an organisation of his part issued — conditions in the query (OrgScope), not ids gathered beforehand.
     */
    static void officerClause(Caller caller, MemberDirectory directory, StringBuilder where, List<Object> params) {
        String pattern = directory.orgPath(caller.orgId() == null ? -1 : caller.orgId()).orElse("-") + "%";
        where.append(" AND (").append(OrgScope.subtree("C.ORG_ID")).append(" OR ").append(OrgScope.subtree("B.ORG_ID"))
                .append(")");
        params.add(pattern);
        params.add(pattern);
    }
}
