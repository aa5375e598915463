package org.unionhub.recuperation.api;

import java.math.BigDecimal;
import java.util.List;

/**
 * A policy's answer for one booking: an amount and a reason for every member, and the budgets the
 * amounts are paid from. The booking service takes the budgets in the booking's own transaction; when
 * a budget cannot cover its share, the whole booking gets no subsidy and the reason says why.
 */
public record SubsidyDecision(List<MemberSubsidy> members, List<Budget> budgets) {

    public SubsidyDecision {
        members = List.copyOf(members);
        budgets = budgets == null ? List.of() : List.copyOf(budgets);
    }

    /**
     * @param memberId the member
     * @param amount   CNY, two decimals, not negative
     * @param reason   shown to officers and members as it is, in Chinese, e.g. "淡季在工会疗养院疗休养 3 天：3 × 200.00 元"
     * @param budget   key of the {@link Budget} that pays it, or {@code null} when it draws on none
     */
    public record MemberSubsidy(long memberId, BigDecimal amount, String reason, String budget) {
    }

    /**
     * A limited fund, e.g. one year's reserved share.
     *
     * @param key         stable key of the ledger row, e.g. {@code zhejiang-frontline/2027/reserved}
     * @param description human-readable, e.g. "the 2027 budget reserved for private-enterprise and new-form workers"
     * @param total       the fund's size under the current settings
     */
    public record Budget(String key, String description, BigDecimal total) {
    }
}
