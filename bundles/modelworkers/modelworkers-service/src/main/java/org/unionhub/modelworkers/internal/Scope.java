package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongPredicate;

import org.unionhub.api.HubException;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.db.OrgScope;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;

/**
 * Organisation scoping for the module's own tables. The core's tree is reached only through
 * {@link MemberDirectory}, so a listing first takes the few distinct organisations its table holds and
 * keeps those the caller may see.
 */
final class Scope {

    private Scope() {
    }

    static void requireManage(Caller caller, long orgId, MemberDirectory directory) {
        if (!caller.canManage(orgId, directory)) {
            throw HubException.forbidden("organisation " + orgId + " is outside your organisation");
        }
    }

    /**
     * Appends {@code AND <column> IN (...)} for the organisations of {@code distinctOrgsSql} that pass
     * {@code visible} and, when {@code filterOrgId} is set, lie within it.
     */
    static void orgClause(Connection c, String distinctOrgsSql, String column, LongPredicate visible, Long filterOrgId,
            MemberDirectory directory, StringBuilder where, List<Object> params) throws SQLException {
        List<Long> keep = new ArrayList<>();
        for (long org : Sql.list(c, distinctOrgsSql, rs -> rs.getLong(1))) {
            if (visible.test(org) && (filterOrgId == null || directory.isWithin(org, filterOrgId))) {
                keep.add(org);
            }
        }
        if (keep.isEmpty()) {
            where.append(" AND 1 = 0");
            return;
        }
        where.append(" AND ").append(column).append(" IN (").append("?, ".repeat(keep.size() - 1)).append("?)");
        params.addAll(keep);
    }

    /**
     * Appends the caller's part of the tree and, when {@code filterOrgId} is set, that organisation's subtree as
     * conditions of the query on {@code column} ({@link OrgScope}: one index range of the core's org paths each),
     * instead of gathering the table's organisations and testing each: an admin is limited by the filter only, an
     * officer by his organisation too, anyone else sees nothing.
     */
    static void subtree(Caller caller, Long filterOrgId, String column, MemberDirectory directory, StringBuilder where,
            List<Object> params) {
        if (!caller.isAdmin()) {
            if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
                where.append(" AND 1 = 0");
                return;
            }
            where.append(" AND ").append(OrgScope.subtree(column));
            params.add(directory.orgPath(caller.orgId()).orElse("-") + "%");
        }
        if (filterOrgId != null) {
            where.append(" AND ").append(OrgScope.subtree(column));
            params.add(directory.orgPath(filterOrgId).orElse("-") + "%");
        }
    }

    /**
     * Runs a write whose "only once" rule a unique constraint backs: a concurrent request that got there first
     * answers 409 naming {@code field}, not 500.
     */
    static <T> T once(java.util.function.Supplier<T> write, String field, String message) {
        try {
            return write.get();
        } catch (org.unionhub.api.db.DatabaseException e) {
            if (Sql.isDuplicateKey(e)) {
                throw HubException.conflict(field, message);
            }
            throw e;
        }
    }
}
