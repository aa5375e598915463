package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The module's figures: totals and the same by plan and month. */
public record Figures(long enrolled, BigDecimal contributions, long claims, Map<ClaimStatus, Long> claimsByStatus,
        long payouts, BigDecimal payoutAmount, BigDecimal averagePayout, List<MonthFigures> byPlanAndMonth) {
}
