package org.unionhub.recuperation.internal.budget;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.unionhub.api.HubException;
import org.unionhub.api.Money;
import org.unionhub.api.db.ModuleDatabase;
import org.unionhub.api.db.Sql;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;

/**
 * The budgets policies pay from (RECUPERATION_BUDGET) and their allocations to cities and districts
 * (RECUPERATION_ALLOCATION). A booking takes its share of each budget with a conditional UPDATE, and, when the province
 * has allocated that budget, also from the allocation of the organiser's nearest allocated union above it (or its own),
 * with a second conditional UPDATE; neither ever goes beyond its total. Rows are taken in key order, budget before
 * allocation, so concurrent bookings do not deadlock.
 */
public final class BudgetLedger {

    /** What a booking took: null {@code uncovered} when covered, and the allocating organisation per budget key. */
    public record Taken(String uncovered, Map<String, Long> allocationOf) {
    }

    private BudgetLedger() {
    }

    /** Creates the ledger row of a policy's budget the first time it is met. */
    public static void ensure(ModuleDatabase db, String policyId, Budget b) {
        try {
            db.inTransaction(c -> {
                if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_BUDGET WHERE BUDGET_KEY = ?", b.key()) == 0) {
                    Sql.update(c, "INSERT INTO RECUPERATION_BUDGET (BUDGET_KEY, POLICY_ID, DESCRIPTION, TOTAL, SPENT, UPDATED_AT) "
                            + "VALUES (?, ?, ?, ?, 0, ?)", b.key(), policyId, clip(b.description(), 500), Money.normalize(b.total()),
                            Instant.now());
                }
                return null;
            });
        } catch (HubException e) {
            if (e.status() != 409) {
                throw e;
            }
            // a concurrent booking inserted it first (the core answers a duplicate key as 409)
        }
    }

    /**
     * Takes each budget's share for the organiser whose unions from itself up to the root are {@code ancestors}. On
     * any shortfall gives back what it took and answers the reason.
     */
    public static Taken take(Connection c, SubsidyDecision d, List<Long> ancestors) throws SQLException {
        Map<String, BigDecimal> need = new TreeMap<>();
        for (MemberSubsidy m : d.members()) {
            if (m.budget() != null && m.amount().signum() > 0) {
                need.merge(m.budget(), m.amount(), BigDecimal::add);
            }
        }
        Map<String, Budget> byKey = d.budgets().stream().collect(Collectors.toMap(Budget::key, b -> b, (a, b) -> a));
        Map<String, BigDecimal> taken = new LinkedHashMap<>();
        Map<String, Long> allocations = new HashMap<>();
        for (Map.Entry<String, BigDecimal> e : need.entrySet()) {
            Budget b = byKey.get(e.getKey());
            BigDecimal total = Money.normalize(b.total());
            String why = null;
            int ok = Sql.update(c, "UPDATE RECUPERATION_BUDGET SET SPENT = SPENT + ?, TOTAL = ?, DESCRIPTION = ?, UPDATED_AT = ? "
                    + "WHERE BUDGET_KEY = ? AND SPENT + ? <= ?", e.getValue(), total, clip(b.description(), 500), Instant.now(),
                    e.getKey(), e.getValue(), total);
            if (ok != 1) {
                BigDecimal spent = Sql.one(c, "SELECT SPENT FROM RECUPERATION_BUDGET WHERE BUDGET_KEY = ?", rs -> rs.getBigDecimal(1),
                        e.getKey()).orElse(Money.ZERO);
                why = "不予补贴：" + b.description() + "不足以支付本次预订的 " + e.getValue().toPlainString() + " 元（共 "
                        + total.toPlainString() + " 元，余 " + Money.max(total.subtract(spent), Money.ZERO).toPlainString() + " 元）";
            } else {
                taken.put(e.getKey(), e.getValue());
                why = takeAllocation(c, e.getKey(), b, e.getValue(), ancestors, allocations);
            }
            if (why != null) {
                for (Map.Entry<String, BigDecimal> back : taken.entrySet()) {
                    refund(c, back.getKey(), allocations.get(back.getKey()), back.getValue());
                }
                return new Taken(why, Map.of());
            }
        }
        return new Taken(null, allocations);
    }

    /** Null when the budget is not allocated or the organiser's allocation covers the amount; else the reason. */
    private static String takeAllocation(Connection c, String key, Budget b, BigDecimal amount, List<Long> ancestors,
            Map<String, Long> allocations) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM RECUPERATION_ALLOCATION WHERE BUDGET_KEY = ?", key) == 0) {
            return null;
        }
        Optional<Long> holder = allocatedAncestor(c, key, ancestors);
        if (holder.isEmpty()) {
            return "不予补贴：" + b.description() + "已分配到各市、区，组织方不在任何分配范围内";
        }
        int ok = Sql.update(c, "UPDATE RECUPERATION_ALLOCATION SET SPENT = SPENT + ?, UPDATED_AT = ? WHERE BUDGET_KEY = ? "
                + "AND ORG_ID = ? AND SPENT + ? <= AMOUNT", amount, Instant.now(), key, holder.get(), amount);
        if (ok != 1) {
            BigDecimal left = Sql.one(c, "SELECT AMOUNT - SPENT FROM RECUPERATION_ALLOCATION WHERE BUDGET_KEY = ? AND ORG_ID = ?",
                    rs -> rs.getBigDecimal(1), key, holder.get()).orElse(Money.ZERO);
            return "不予补贴：" + b.description() + "分配给组织 " + holder.get() + " 的额度不足以支付本次预订的 "
                    + amount.toPlainString() + " 元（余 " + Money.normalize(left).toPlainString() + " 元）";
        }
        allocations.put(key, holder.get());
        return null;
    }

    private static Optional<Long> allocatedAncestor(Connection c, String key, List<Long> ancestors) throws SQLException {
        if (ancestors.isEmpty()) {
            return Optional.empty();
        }
        List<Object> params = new java.util.ArrayList<>(List.of(key));
        params.addAll(ancestors);
        List<Long> held = Sql.list(c, "SELECT ORG_ID FROM RECUPERATION_ALLOCATION WHERE BUDGET_KEY = ? AND ORG_ID IN ("
                + ancestors.stream().map(x -> "?").collect(Collectors.joining(", ")) + ")", rs -> rs.getLong(1), params.toArray());
        return ancestors.stream().filter(held::contains).findFirst();
    }

    /** Gives an amount back to a budget and, when it came from one, to the allocation. */
    public static void refund(Connection c, String key, Long allocationOrgId, BigDecimal amount) throws SQLException {
        Sql.update(c, "UPDATE RECUPERATION_BUDGET SET SPENT = SPENT - ?, UPDATED_AT = ? WHERE BUDGET_KEY = ?", amount, Instant.now(), key);
        if (allocationOrgId != null) {
            Sql.update(c, "UPDATE RECUPERATION_ALLOCATION SET SPENT = SPENT - ?, UPDATED_AT = ? WHERE BUDGET_KEY = ? AND ORG_ID = ?",
                    amount, Instant.now(), key, allocationOrgId);
        }
    }

    /**
     * Gives back what a booking's travellers took from budgets and allocations: all of it when the booking is
     * cancelled, the part beyond what was settled when its settlement is approved.
     */
    public static void refundBooking(Connection c, long bookingId, boolean beyondSettled) throws SQLException {
        record Part(String key, Long org) {
        }
        Map<Part, BigDecimal> back = new TreeMap<>(java.util.Comparator.comparing(Part::key)
                .thenComparing(p -> p.org() == null ? -1L : p.org()));
        Sql.forEach(c, "SELECT BUDGET_KEY, ALLOCATION_ORG_ID, SUBSIDY, SETTLED FROM RECUPERATION_BOOKED_MEMBER WHERE BOOKING_ID = ? "
                + "AND BUDGET_KEY IS NOT NULL", rs -> {
                    BigDecimal settled = rs.getBigDecimal(4);
                    BigDecimal amount = beyondSettled ? rs.getBigDecimal(3).subtract(settled == null ? Money.ZERO : settled)
                            : rs.getBigDecimal(3);
                    return back.merge(new Part(rs.getString(1), Sql.getLong(rs, "ALLOCATION_ORG_ID")), amount, BigDecimal::add);
                }, bookingId);
        for (Map.Entry<Part, BigDecimal> e : back.entrySet()) {
            if (e.getValue().signum() > 0) {
                refund(c, e.getKey().key(), e.getKey().org(), e.getValue());
            }
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
