package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A plan's fund for its period: {@code balance = contributions − payouts}. */
public record Fund(long planId, LocalDate periodStart, LocalDate periodEnd, long contributionCount,
        BigDecimal contributions, long payoutCount, BigDecimal payouts, BigDecimal balance) {
}
