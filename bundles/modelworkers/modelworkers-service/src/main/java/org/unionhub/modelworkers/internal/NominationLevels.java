package org.unionhub.modelworkers.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.api.HubException;
import org.unionhub.api.HubSettings;
import org.unionhub.api.MemberDirectory;
import org.unionhub.api.OrgInfo;
import org.unionhub.api.db.Sql;

/**
 * The climb of a nomination through the union tree ("全国劳动模范推荐评选": each level recommends upward) and the
 * region's quota of recommendations per unit and year. A step is taken inside the caller's transaction, after the
 * nomination's own row was moved conditionally, so that two reviewers cannot both move one nomination.
 */
public final class NominationLevels {

    private final MemberDirectory directory;
    private final HubSettings hub;

    NominationLevels(MemberDirectory directory, HubSettings hub) {
        this.directory = directory;
        this.hub = hub;
    }

    /** One recommendation from a unit to the level above, as the API shows it. */
    public record Step(long fromOrgId, String fromOrgName, long toOrgId, String toOrgName, int year, String by,
            OffsetDateTime at) {
    }

    /** A unit's quota for a year: {@code quota} null when the region set none. */
    public record Quota(long orgId, String orgName, int year, Integer quota, int used) {
    }

    /** The union above {@code orgId}, or null when {@code orgId} is the region itself (the root of the tree). */
    Long above(long orgId) {
        return directory.org(orgId).map(OrgInfo::parentId).orElse(null);
    }

    boolean isRegion(Long orgId) {
        return orgId == null || above(orgId) == null;
    }

    String name(long orgId) {
        return directory.org(orgId).map(OrgInfo::name).orElse(String.valueOf(orgId));
    }

    /**
     * Records that {@code from} recommends the nomination to {@code to}, counted against {@code from}'s quota for
     * {@code year} unless {@code from} already recommended this nomination (a resubmission after a return).
     */
    void recommend(Connection c, long nominationId, long from, long to, int year, String by) throws SQLException {
        boolean again = Sql.one(c, "SELECT ID FROM MODELWORKERS_NOMINATION_STEP WHERE NOMINATION_ID = ? AND FROM_ORG_ID = ?",
                rs -> rs.getLong(1), nominationId, from).isPresent();
        if (again) {
            return;
        }
        ensureQuotaRow(c, from, year);
        int taken = Sql.update(c, "UPDATE MODELWORKERS_NOMINATION_QUOTA SET USED = USED + 1 WHERE ORG_ID = ? AND YEAR_NO = ? "
                + "AND (QUOTA IS NULL OR USED < QUOTA)", from, year);
        if (taken == 0) {
            Quota q = quota(c, from, year);
            throw HubException.conflict("quota", name(from) + " has used its " + year + " quota of " + q.quota()
                    + " recommendations");
        }
        Sql.insert(c, "INSERT INTO MODELWORKERS_NOMINATION_STEP (NOMINATION_ID, FROM_ORG_ID, TO_ORG_ID, YEAR_NO, CREATED_BY, "
                + "CREATED_AT) VALUES (?, ?, ?, ?, ?, ?)", nominationId, from, to, year, by, Instant.now());
    }

    List<Step> route(Connection c, long nominationId) throws SQLException {
        return Sql.list(c, "SELECT FROM_ORG_ID, TO_ORG_ID, YEAR_NO, CREATED_BY, CREATED_AT FROM MODELWORKERS_NOMINATION_STEP "
                + "WHERE NOMINATION_ID = ? ORDER BY ID", rs -> new Step(rs.getLong(1), name(rs.getLong(1)), rs.getLong(2),
                        name(rs.getLong(2)), rs.getInt(3), rs.getString(4),
                        OffsetDateTime.ofInstant(Sql.getInstant(rs, "CREATED_AT"), hub.zone())), nominationId);
    }

    Quota quota(Connection c, long orgId, int year) throws SQLException {
        return Sql.one(c, "SELECT QUOTA, USED FROM MODELWORKERS_NOMINATION_QUOTA WHERE ORG_ID = ? AND YEAR_NO = ?",
                rs -> new Quota(orgId, name(orgId), year, Sql.getInt(rs, "QUOTA"), rs.getInt("USED")), orgId, year)
                .orElse(new Quota(orgId, name(orgId), year, null, 0));
    }

    /** Sets a unit's quota for a year; a quota below what it already used stops further recommendations. */
    void setQuota(Connection c, long orgId, int year, Integer quota) throws SQLException {
        ensureQuotaRow(c, orgId, year);
        Sql.update(c, "UPDATE MODELWORKERS_NOMINATION_QUOTA SET QUOTA = ? WHERE ORG_ID = ? AND YEAR_NO = ?", quota, orgId, year);
    }

    private static void ensureQuotaRow(Connection c, long orgId, int year) throws SQLException {
        if (Sql.one(c, "SELECT USED FROM MODELWORKERS_NOMINATION_QUOTA WHERE ORG_ID = ? AND YEAR_NO = ?", rs -> rs.getInt(1),
                orgId, year).isPresent()) {
            return;
        }
        // a unit's first recommendations of a year may race to create the row: the loser rolls back to the
        // savepoint (PostgreSQL aborts the whole transaction otherwise) and counts on the winner's row
        Savepoint before = c.setSavepoint();
        try {
            Sql.update(c, "INSERT INTO MODELWORKERS_NOMINATION_QUOTA (ORG_ID, YEAR_NO, QUOTA, USED) VALUES (?, ?, ?, 0)",
                    orgId, year, null);
        } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
            c.rollback(before);
        }
    }
}
