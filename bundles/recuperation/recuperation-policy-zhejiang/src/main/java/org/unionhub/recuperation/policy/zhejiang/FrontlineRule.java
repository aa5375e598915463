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
 * the booking is the booking service's business: it takes the budgets in the booking's transaction.
 */
public record FrontlineRule(BigDecimal annualBudget, BigDecimal reservedShare) {

    public static final String ID = "zhejiang-frontline";
    public static final FrontlineRule DEFAULT = new FrontlineRule(Money.of(20_000_000), new BigDecimal("0.5"));

    public FrontlineRule {
        if (annualBudget == null || annualBudget.signum() < 0) {
            throw new IllegalArgumentException("annualBudget must not be negative");
        }
        if (reservedShare == null || reservedShare.signum() < 0 || reservedShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("reservedShare must lie between 0 and 1");
        }
        annualBudget = Money.normalize(annualBudget);
    }

    public BigDecimal reservedBudget() {
        return Money.normalize(annualBudget.multiply(reservedShare));
    }

    public BigDecimal generalBudget() {
        return annualBudget.subtract(reservedBudget());
    }

    public SubsidyDecision decide(BookingQuote q) {
        int year = q.startDate().getYear();
        Budget reserved = new Budget(ID + "/" + year + "/reserved",
                "the " + year + " budget reserved for private-enterprise and new-employment-form workers", reservedBudget());
        Budget general = new Budget(ID + "/" + year + "/general", "the " + year + " budget for other frontline workers",
                generalBudget());
        BigDecimal price = Money.normalize(q.pricePerPersonPerDay());
        BigDecimal full = Money.normalize(price.multiply(BigDecimal.valueOf(q.days())));
        Map<String, Budget> used = new LinkedHashMap<>();
        List<MemberSubsidy> out = new ArrayList<>();
        for (BookingQuote.Member m : q.members()) {
            Category c = m.category();
            Budget b = c == Category.PRIVATE_FRONTLINE || c == Category.NEW_FORM ? reserved
                    : c == Category.FRONTLINE ? general : null;
            if (b == null) {
                out.add(new MemberSubsidy(m.memberId(), Money.ZERO, "no subsidy: not a frontline worker (category "
                        + (c == null ? "none" : c) + ")", null));
            } else if (full.signum() == 0) {
                out.add(new MemberSubsidy(m.memberId(), Money.ZERO, "no subsidy: the stay costs nothing", null));
            } else {
                used.put(b.key(), b);
                out.add(new MemberSubsidy(m.memberId(), full, (c == Category.FRONTLINE ? "frontline worker" : c == Category.NEW_FORM
                        ? "new-employment-form worker" : "private-enterprise frontline worker") + " travels free: " + q.days()
                        + " × " + price.toPlainString() + " CNY from " + b.description(), b.key()));
            }
        }
        return new SubsidyDecision(out, List.copyOf(used.values()));
    }
}
