package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.util.Map;

/**
 * Figures of one plan in one month ({@code yyyy-MM}, hub time zone): enrolments by enrolment date, claims by
 * submission date and their current status, payouts by payment date; {@code averagePayout} is over paid claims.
 */
public record MonthFigures(long planId, String month, long enrolled, BigDecimal contributions, long claims,
        Map<ClaimStatus, Long> claimsByStatus, long payouts, BigDecimal payoutAmount, BigDecimal averagePayout) {
}
