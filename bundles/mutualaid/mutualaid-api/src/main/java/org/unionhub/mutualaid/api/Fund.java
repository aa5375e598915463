package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A plan's fund for its period: {@code balance = contributions + allocations − payouts}, where allocations are what
 * unions, employers or donors put in beside the members' contributions. A payment never takes it below zero.
 */
public record Fund(long planId, LocalDate periodStart, LocalDate periodEnd, long contributionCount,
        BigDecimal contributions, long allocationCount, BigDecimal allocations, long payoutCount, BigDecimal payouts,
        BigDecimal balance) {
}
