package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionhub.api.Money;
import org.unionhub.api.Validation;
import org.unionhub.api.db.Sql;

/**
 * A plan version's fixed sums (condolence payments on a diagnosis, death or disability) and the claims it also pays
 * for a covered family member: their rules and their rows (MUTUALAID_FIXED_SUM, MUTUALAID_FAMILY_COVER).
 */
final class Benefits {

    private Benefits() {
    }

    /**
     * Fixed sums are for major-illness and accident plans (an inpatient plan pays by its bands only), one per event,
     * never for a hospital stay, each a positive amount.
     */
    static void check(Validation v, PlanKind kind, PlanRules r) {
        List<FixedSum> sums = r.fixedSums();
        if (sums == null || sums.isEmpty()) {
            return;
        }
        if (kind == PlanKind.INPATIENT) {
            v.error("fixedSums", "only MAJOR_ILLNESS and ACCIDENT plans pay fixed sums; an INPATIENT plan pays by its bands");
            return;
        }
        Set<ClaimEvent> seen = EnumSet.noneOf(ClaimEvent.class);
        for (int i = 0; i < sums.size(); i++) {
            FixedSum s = sums.get(i);
            String at = "fixedSums[" + i + "]";
            if (s == null) {
                v.error(at, "is required");
                continue;
            }
            v.required(at + ".event", s.event());
            v.check(s.event() != ClaimEvent.HOSPITAL_STAY, at + ".event", "a hospital stay is paid by the bands, not a fixed sum");
            v.check(s.event() == null || seen.add(s.event()), at + ".event", "names an event a second time");
            v.required(at + ".amount", s.amount()).positive(at + ".amount", s.amount());
            RulesCheck.amount(v, at + ".amount", s.amount());
        }
    }

    static void insert(Connection c, long versionId, PlanRules r) throws SQLException {
        if (r.fixedSums() != null) {
            for (FixedSum s : r.fixedSums()) {
                Sql.update(c, "INSERT INTO MUTUALAID_FIXED_SUM (VERSION_ID, EVENT, AMOUNT) VALUES (?, ?, ?)", versionId, s.event(),
                        Money.normalize(s.amount()));
            }
        }
        if (r.familyCovers() != null) {
            for (ClaimEvent e : r.familyCovers()) {
                Sql.update(c, "INSERT INTO MUTUALAID_FAMILY_COVER (VERSION_ID, EVENT) VALUES (?, ?)", versionId, e);
            }
        }
    }

    static void deleteOfPlan(Connection c, long planId) throws SQLException {
        String versions = "(SELECT ID FROM MUTUALAID_PLAN_VERSION WHERE PLAN_ID = ?)";
        Sql.update(c, "DELETE FROM MUTUALAID_FIXED_SUM WHERE VERSION_ID IN " + versions, planId);
        Sql.update(c, "DELETE FROM MUTUALAID_FAMILY_COVER WHERE VERSION_ID IN " + versions, planId);
    }

    static Map<ClaimEvent, BigDecimal> fixedSums(Connection c, long versionId) throws SQLException {
        Map<ClaimEvent, BigDecimal> sums = new EnumMap<>(ClaimEvent.class);
        Sql.list(c, "SELECT EVENT, AMOUNT FROM MUTUALAID_FIXED_SUM WHERE VERSION_ID = ?", rs -> sums.put(
                ClaimEvent.valueOf(rs.getString(1)), Money.normalize(rs.getBigDecimal(2))), versionId);
        return sums;
    }

    static Set<ClaimEvent> familyCovers(Connection c, long versionId) throws SQLException {
        Set<ClaimEvent> events = EnumSet.noneOf(ClaimEvent.class);
        Sql.list(c, "SELECT EVENT FROM MUTUALAID_FAMILY_COVER WHERE VERSION_ID = ?", rs -> events.add(
                ClaimEvent.valueOf(rs.getString(1))), versionId);
        return events;
    }

    static List<FixedSum> view(Map<ClaimEvent, BigDecimal> sums) {
        return sums.entrySet().stream().map(e -> new FixedSum(e.getKey(), e.getValue())).toList();
    }
}
