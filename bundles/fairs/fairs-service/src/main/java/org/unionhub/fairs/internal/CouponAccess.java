package org.unionhub.fairs.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.Sql;
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
     * members he manages or of batches his organisation issued. The table holds few distinct members and batch
     * organisations per district, and the tree is reached only through the directory.
     */
    static void officerClause(Connection c, Caller caller, MemberDirectory directory, StringBuilder where,
            List<Object> params) throws SQLException {
        List<Object> members = new ArrayList<>();
        for (long m : Sql.list(c, "SELECT DISTINCT MEMBER_ID FROM FAIRS_COUPON", rs -> rs.getLong(1))) {
            if (directory.member(m).map(info -> caller.canManage(info.orgId(), directory)).orElse(false)) {
                members.add(m);
            }
        }
        List<Object> orgs = new ArrayList<>();
        for (long o : Sql.list(c, "SELECT DISTINCT ORG_ID FROM FAIRS_COUPON_BATCH WHERE ORG_ID IS NOT NULL", rs -> rs.getLong(1))) {
            if (caller.canManage(o, directory)) {
                orgs.add(o);
            }
        }
        where.append(" AND (1 = 0");
        if (!members.isEmpty()) {
            where.append(" OR C.MEMBER_ID IN (").append("?, ".repeat(members.size() - 1)).append("?)");
            params.addAll(members);
        }
        if (!orgs.isEmpty()) {
            where.append(" OR B.ORG_ID IN (").append("?, ".repeat(orgs.size() - 1)).append("?)");
            params.addAll(orgs);
        }
        where.append(")");
    }
}
