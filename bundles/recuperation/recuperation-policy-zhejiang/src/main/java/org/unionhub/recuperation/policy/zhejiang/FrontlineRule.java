package org.unionhub.recuperation.policy.zhejiang;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.unionhub.api.Money;
import org.unionhub.recuperation.api.BookingQuote;
import org.unionhub.recuperation.api.Category;
import org.unionhub.recuperation.api.SubsidyDecision;
import org.unionhub.recuperation.api.SubsidyDecision.Budget;
import org.unionhub.recuperation.api.SubsidyDecision.MemberSubsidy;

/**
 * Zhejiang's frontline rule, free of OSGi so that it can be tested as a table: frontline workers travel
 * free (the stay's full price), paid from the year's budget. A share of the budget (default half) is
 * reserved for private-enterprise frontline and new-employment-form workers and pays only them; the rest
 * pays the other frontline workers. The year is the year the stay starts. Whether a budget still covers
 * the booking is the booking service's business: it takes the budgets in the booking's transaction. The province sets
 * each year's budget ("2023年起每年1000万元，2025年2000万元"): {@code budgetsByYear} names the years that differ from
 * {@code annualBudget}.
 */
public record FrontlineRule(BigDecimal annualBudget, BigDecimal reservedShare, Map<Integer, BigDecimal> budgetsByYear) {

    public static final String ID = "zhejiang-frontline";
    public static final FrontlineRule DEFAULT = new FrontlineRule(Money.of(20_000_000), new BigDecimal("0.5"));

    public FrontlineRule(BigDecimal annualBudget, BigDecimal reservedShare) {
        this(annualBudget, reservedShare, Map.of());
    }

    public FrontlineRule {
        budgetsByYear = budgetsByYear == null ? Map.of() : Map.copyOf(budgetsByYear);
        if (budgetsByYear.values().stream().anyMatch(b -> b == null || b.signum() < 0)) {
            throw new IllegalArgumentException("a year's budget must not be negative");
        }
        if (annualBudget == null || annualBudget.signum() < 0) {
            throw new IllegalArgumentException("annualBudget must not be negative");
        }
        if (reservedShare == null || reservedShare.signum() < 0 || reservedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("reservedShare must lie between 0 and 1");
        }
        annualBudget = Money.normalize(annualBudget);
    }

    public BigDecimal reservedBudget() {
        return reservedBudget(annualBudget);
    }

    public BigDecimal generalBudget() {
        return annualBudget.subtract(reservedBudget());
    }

    private BigDecimal reservedBudget(BigDecimal total) {
        return Money.normalize(total.multiply(reservedShare));
    }

    /** The year's budget: its own when the province set one, else {@code annualBudget}. */
    public BigDecimal budgetOf(int year) {
        return Money.normalize(budgetsByYear.getOrDefault(year, annualBudget));
    }

    /** The year's two budgets: reserved, then general. */
    public List<Budget> budgets(int year) {
        BigDecimal total = budgetOf(year);
        BigDecimal reserved = reservedBudget(total);
        return List.of(new Budget(ID + "/" + year + "/reserved",
                year + " 年民营企业和新就业形态劳动者专项额度", reserved),
                new Budget(ID + "/" + year + "/general", year + " 年其他一线职工额度", total.subtract(reserved)));
    }

    public SubsidyDecision decide(BookingQuote q) {
        int year = q.startDate().getYear();
        List<Budget> both = budgets(year);
        Budget reserved = both.get(0);
        Budget general = both.get(1);
        BigDecimal price = Money.normalize(q.pricePerPersonPerDay());
        BigDecimal full = Money.normalize(price.multiply(BigDecimal.valueOf(q.days())));
        Map<String, Budget> used = new LinkedHashMap<>();
        List<MemberSubsidy> out = new ArrayList<>();
        for (BookingQuote.Member m : q.members()) {
            Category c = m.category();
            Budget b = c == Category.PRIVATE_FRONTLINE || c == Category.NEW_FORM ? reserved
                    : c == Category.FRONTLINE ? general : null;
            if (b == null) {
                out.add(new MemberSubsidy(m.memberId(), Money.ZERO, "不予补贴：不是一线职工（类别："
                        + (c == null ? "无" : category(c)) + "）", null));
            } else if (full.signum() == 0) {
                out.add(new MemberSubsidy(m.memberId(), Money.ZERO, "不予补贴：本次疗休养不收费", null));
            } else {
                used.put(b.key(), b);
                out.add(new MemberSubsidy(m.memberId(), full, category(c) + "免费疗休养：" + q.days()
                        + " × " + price.toPlainString() + " 元，由" + b.description() + "支付", b.key()));
            }
        }
        return new SubsidyDecision(out, List.copyOf(used.values()));
    }

    /** The worker category as the rule's text names it. */
    static String category(Category c) {
        return switch (c) {
            case FRONTLINE -> "一线职工";
            case PRIVATE_FRONTLINE -> "民营企业一线职工";
            case NEW_FORM -> "新就业形态劳动者";
            case MODEL_WORKER -> "劳动模范";
        };
    }
}
