package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.util.List;

/**
 * How a payout was computed: {@code covered = max(0, selfPaid − deductible)}; each band pays its share;
 * {@code byBands} is capped by {@code capPerClaim}, then by what remains of {@code capPerPeriod} after the
 * member's earlier approved claims ({@code approvedBefore}). {@code limitedBy} names the binding limit:
 * {@code DEDUCTIBLE}, {@code BANDS}, {@code CAP_PER_CLAIM} or {@code CAP_PER_PERIOD}.
 */
public record Breakdown(int planVersion, BigDecimal selfPaid, BigDecimal deductible, BigDecimal covered,
        List<BandStep> bands, BigDecimal byBands, BigDecimal capPerClaim, BigDecimal capPerPeriod,
        BigDecimal approvedBefore, BigDecimal periodRemaining, BigDecimal payout, String limitedBy) {
}
