package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.unionhub.api.HubSettings;
import org.unionhub.api.Money;
import org.unionhub.api.Page;
import org.unionhub.api.PageRequest;
import org.unionhub.api.db.Keyset;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.mutualaid.api.Enrolment;
import org.unionhub.mutualaid.api.Fund;
import org.unionhub.mutualaid.api.MutualAid;

/** The fund ledger and the module's figures; also the {@link MutualAid} service other modules may use. */
@Component(service = {FundService.class, MutualAid.class})
public class FundService implements MutualAid {

    private final ModuleDatabase db;
    private final HubSettings settings;
    private final PlanService plans;
    private final EnrolmentService enrolments;

    @Activate
    public FundService(@Reference(target = "(unionhub.module=mutualaid)") ModuleDatabase db, @Reference HubSettings settings,
            @Reference PlanService plans, @Reference EnrolmentService enrolments) {
        this.db = db;
        this.settings = settings;
        this.plans = plans;
        this.enrolments = enrolments;
    }

    @Override
    public Optional<Enrolment> enrolment(long planId, long memberId, LocalDate on) {
        return enrolments.enrolment(planId, memberId, on);
    }

    @Override
    public Fund fund(long planId) {
        return db.read(c -> {
            PlanHead plan = plans.head(c, planId);
            Object[] in = sums(c, planId, LedgerKind.CONTRIBUTION);
            Object[] out = sums(c, planId, LedgerKind.PAYOUT);
            Object[] allocated = Sql.one(c, "SELECT COUNT(*), SUM(AMOUNT) FROM MUTUALAID_ALLOCATION WHERE PLAN_ID = ?",
                    rs -> new Object[] {rs.getLong(1), rs.getBigDecimal(2) == null ? Money.ZERO : Money.normalize(rs.getBigDecimal(2))},
                    planId).orElseThrow();
            BigDecimal contributions = (BigDecimal) in[1];
            BigDecimal allocations = (BigDecimal) allocated[1];
            BigDecimal payouts = (BigDecimal) out[1];
            return new Fund(planId, plan.periodStart(), plan.periodEnd(), (Long) in[0], contributions, (Long) allocated[0],
                    allocations, (Long) out[0], payouts, Money.normalize(contributions.add(allocations).subtract(payouts)));
        });
    }

    private static final Keyset LEDGER_PAGES = Keyset.by("L.ID");

    public Page<LedgerEntry> entries(long planId, LedgerKind kind, PageRequest page) {
        return db.read(c -> {
            plans.head(c, planId);
            String where = " FROM MUTUALAID_LEDGER L WHERE PLAN_ID = ?" + (kind == null ? "" : " AND KIND = ?");
            List<Object> params = kind == null ? List.of(planId) : List.of(planId, kind);
            // keyset over (PLAN_ID, ID) and (PLAN_ID, KIND, ID), migration V2: a contribution per enrolment adds up
            return LEDGER_PAGES.page(c, "SELECT L.*", where, params, page, rs -> new LedgerEntry(rs.getLong("ID"),
                            rs.getLong("PLAN_ID"), Sql.getEnum(rs, "KIND", LedgerKind.class), rs.getBigDecimal("AMOUNT"),
                            rs.getLong("MEMBER_ID"), Sql.getLong(rs, "ENROLMENT_ID"), Sql.getLong(rs, "CLAIM_ID"),
                            Sql.getEnum(rs, "PAID_BY", PayerKind.class), rs.getString("PAYER_NAME"),
                            Sql.getDate(rs, "BOOKED_ON"), rs.getString("BOOKED_BY"),
                            Times.at(Sql.getInstant(rs, "BOOKED_AT"), settings.zone())));
        });
    }

    /** Aggregates only, no personal data: enrolments, contributions, claims by status, payouts, by plan and month. */
    public Figures figures(Long planId) {
        return db.read(c -> {
            String planFilter = planId == null ? "" : " WHERE PLAN_ID = " + planId.longValue();
            Map<String, Acc> months = new TreeMap<>();
            Sql.list(c, "SELECT PLAN_ID, YR, MON, COUNT(*) FROM (SELECT PLAN_ID, YEAR(ENROLLED_ON) AS YR, MONTH(ENROLLED_ON) AS MON "
                    + "FROM MUTUALAID_ENROLMENT" + planFilter + ") T GROUP BY PLAN_ID, YR, MON", rs -> {
                        acc(months, rs.getLong(1), rs.getInt(2), rs.getInt(3)).enrolled += rs.getLong(4);
                        return null;
                    });
            Sql.list(c, "SELECT PLAN_ID, KIND, YR, MON, COUNT(*), SUM(AMOUNT) FROM (SELECT PLAN_ID, KIND, AMOUNT, "
                    + "YEAR(BOOKED_ON) AS YR, MONTH(BOOKED_ON) AS MON FROM MUTUALAID_LEDGER" + planFilter
                    + ") T GROUP BY PLAN_ID, KIND, YR, MON", rs -> {
                        Acc a = acc(months, rs.getLong(1), rs.getInt(3), rs.getInt(4));
                        if (LedgerKind.CONTRIBUTION.name().equals(rs.getString(2))) {
                            a.contributions = a.contributions.add(rs.getBigDecimal(6));
                        } else {
                            a.payouts += rs.getLong(5);
                            a.payoutAmount = a.payoutAmount.add(rs.getBigDecimal(6));
                        }
                        return null;
                    });
            Sql.list(c, "SELECT PLAN_ID, STATUS, YR, MON, COUNT(*) FROM (SELECT PLAN_ID, STATUS, YEAR(SUBMITTED_ON) AS YR, "
                    + "MONTH(SUBMITTED_ON) AS MON FROM MUTUALAID_CLAIM" + planFilter + ") T GROUP BY PLAN_ID, STATUS, YR, MON", rs -> {
                        Acc a = acc(months, rs.getLong(1), rs.getInt(3), rs.getInt(4));
                        a.byStatus.merge(ClaimStatus.valueOf(rs.getString(2)), rs.getLong(5), Long::sum);
                        return null;
                    });
            List<MonthFigures> rows = new ArrayList<>();
            Acc total = new Acc(0, "");
            for (Acc a : months.values()) {
                rows.add(a.view());
                total.enrolled += a.enrolled;
                total.contributions = total.contributions.add(a.contributions);
                total.payouts += a.payouts;
                total.payoutAmount = total.payoutAmount.add(a.payoutAmount);
                a.byStatus.forEach((k, v) -> total.byStatus.merge(k, v, Long::sum));
            }
            MonthFigures t = total.view();
            return new Figures(t.enrolled(), t.contributions(), t.claims(), t.claimsByStatus(), t.payouts(), t.payoutAmount(),
                    t.averagePayout(), rows);
        });
    }

    private static Object[] sums(Connection c, long planId, LedgerKind kind) throws SQLException {
        return Sql.one(c, "SELECT COUNT(*), SUM(AMOUNT) FROM MUTUALAID_LEDGER WHERE PLAN_ID = ? AND KIND = ?",
                rs -> new Object[] {rs.getLong(1), rs.getBigDecimal(2) == null ? Money.ZERO : Money.normalize(rs.getBigDecimal(2))},
                planId, kind).orElseThrow();
    }

    private static Acc acc(Map<String, Acc> months, long planId, int year, int month) {
        String m = String.format("%04d-%02d", year, month);
        return months.computeIfAbsent(String.format("%012d/%s", planId, m), k -> new Acc(planId, m));
    }

    /** Running totals of one plan and month. */
    private static final class Acc {
        final long planId;
        final String month;
        long enrolled;
        BigDecimal contributions = Money.ZERO;
        long payouts;
        BigDecimal payoutAmount = Money.ZERO;
        final Map<ClaimStatus, Long> byStatus = new EnumMap<>(ClaimStatus.class);

        Acc(long planId, String month) {
            this.planId = planId;
            this.month = month;
        }

        MonthFigures view() {
            Map<ClaimStatus, Long> statuses = new EnumMap<>(ClaimStatus.class);
            for (ClaimStatus s : ClaimStatus.values()) {
                statuses.put(s, byStatus.getOrDefault(s, 0L));
            }
            long claims = statuses.values().stream().mapToLong(Long::longValue).sum();
            BigDecimal average = payouts == 0 ? Money.ZERO
                    : payoutAmount.divide(BigDecimal.valueOf(payouts), 2, RoundingMode.HALF_UP);
            return new MonthFigures(planId, month, enrolled, Money.normalize(contributions), claims, statuses, payouts,
                    Money.normalize(payoutAmount), average);
        }
    }
}
