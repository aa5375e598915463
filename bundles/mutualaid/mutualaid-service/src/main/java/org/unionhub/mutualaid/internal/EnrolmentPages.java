package org.unionhub.mutualaid.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.MemberDirectory;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.RowMapper;
import org.unionhub.api.db.Sql;
import org.unionhub.api.security.Caller;
import org.unionhub.api.security.Roles;
import org.unionhub.mutualaid.api.Enrolment;

/**
 * One keyset page of a plan's enrolments, each caller's over an index that holds the plan and his scope (a plan
 * counts up to a million in Guizhou): an admin's over (PLAN_ID, ID) in enrolment order, or (PLAN_ID, ENROLLED_ON, ID)
 * sorted by date; an officer's over
 * (PLAN_ID, ORG_ID, ID) in organisation order; a member's own over the unique (PLAN_ID, MEMBER_ID, PERIOD_START).
 * <p>
 * An officer's subtree is a set of organisations, not a range of ids, so his page reads the range of
 * (PLAN_ID, ORG_ID) between the subtree's lowest and highest organisation id — from the cursor's organisation
 * on — and keeps the rows whose organisation lies in the subtree by its path (a join to {@code HUB_ORG} by primary
 * key per row). Organisations are created with their parent's, so a subtree's ids are close together and the
 * range holds few others. Derby chose other indexes and join orders at 300,000 enrolments (seconds a page): the
 * {@code --DERBY-PROPERTIES} hints name this plan; to any other database they are comments.
 */
final class EnrolmentPages {

    /** The sorts: {@code id} (an admin's default), {@code org} (an officer's), {@code enrolledOn} (read and sorted). */
    static final Keyset PAGES = Keyset.by("E.ID").sort("org", "E.ORG_ID", Long.class)
            .sort("enrolledOn", "E.ENROLLED_ON", LocalDate.class);

    private EnrolmentPages() {
    }

    static Page<Enrolment> page(Connection c, Caller caller, MemberDirectory directory, long planId, PageRequest page,
            RowMapper<Enrolment> mapper) throws SQLException {
        List<Object> params = new ArrayList<>();
        if (caller.isAdmin()) {
            params.add(planId);
            String sort = page.sort() == null ? "id" : page.sort().replace("-", "");
            String index = sort.equals("enrolledOn") ? "MUTUALAID_ENROLMENT_PLAN_DATE"
                    : sort.equals("org") ? "MUTUALAID_ENROLMENT_PLAN_ORG" : "MUTUALAID_ENROLMENT_PLAN";
            return PAGES.page(c, "SELECT E.*", " FROM MUTUALAID_ENROLMENT E --DERBY-PROPERTIES index=" + index
                    + "\n WHERE E.PLAN_ID = ?", params, page, "id", mapper);
        }
        if (!caller.hasRole(Roles.OFFICER) || caller.orgId() == null) {
            // his own enrolments, as a member (an officer sees his own the same way, under his member account)
            params.add(planId);
            params.add(caller.memberId() == null ? -1L : caller.memberId());
            return PAGES.page(c, "SELECT E.*", " FROM MUTUALAID_ENROLMENT E --DERBY-PROPERTIES constraint=MUTUALAID_ENROLMENT_UQ\n"
                    + " WHERE E.PLAN_ID = ? AND E.MEMBER_ID = ?", params, page, "id", mapper);
        }
        String path = directory.orgPath(caller.orgId()).orElse("-");
        long[] ids = Sql.one(c, "SELECT MIN(ID), MAX(ID) FROM HUB_ORG WHERE PATH LIKE ?",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, path + "%").orElse(new long[] {0, -1});
        Object after = PAGES.cursorKey(page, "org", "org");
        long from = after instanceof Long a && a > ids[0] ? a : ids[0];
        params.add(planId);
        params.add(from);
        params.add(ids[1]);
        params.add(path + "%");
        return PAGES.page(c, "SELECT E.*", " FROM --DERBY-PROPERTIES joinOrder=FIXED\n"
                + " MUTUALAID_ENROLMENT E --DERBY-PROPERTIES index=MUTUALAID_ENROLMENT_PLAN_ORG\n"
                + ", HUB_ORG SCOPE_ORG WHERE SCOPE_ORG.ID = E.ORG_ID AND E.PLAN_ID = ? AND E.ORG_ID >= ? AND E.ORG_ID <= ?"
                + " AND SCOPE_ORG.PATH LIKE ?", params, page, "org", mapper);
    }
}
