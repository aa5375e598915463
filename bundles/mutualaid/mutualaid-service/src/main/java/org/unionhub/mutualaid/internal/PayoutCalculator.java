package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import org.unionhub.api.Money;

/**
 * The payout rule, as a pure function of the plan version's rules, the claim's self-paid amount and what the
 * member already had approved in the period.
 *
 * <ol>
 * <li>{@code covered = max(0, selfPaid − deductible)}</li>
 * <li>each band pays {@code ratio ×} the part of {@code covered} between the previous band's {@code upTo}
 * (0 for the first) and its own {@code upTo} (unbounded when null), rounded half up to fen <em>at the end of
 * each band step</em> — never in between, never with a double;</li>
 * <li>the sum is capped by {@code capPerClaim},</li>
 * <li>then by {@code max(0, capPerPeriod − approvedBefore)}.</li>
 * </ol>
 */
public final class PayoutCalculator {

    /** The rules of one plan version that the payout depends on. */
    public record Rules(int version, BigDecimal deductible, List<Band> bands, BigDecimal capPerClaim,
            BigDecimal capPerPeriod) {
    }

    private PayoutCalculator() {
    }

    public static Breakdown compute(Rules rules, BigDecimal selfPaid, BigDecimal approvedBefore) {
        BigDecimal covered = Money.normalize(Money.max(BigDecimal.ZERO, selfPaid.subtract(rules.deductible())));
        List<BandStep> steps = new ArrayList<>();
        BigDecimal from = BigDecimal.ZERO;
        BigDecimal byBands = BigDecimal.ZERO;
        for (Band band : rules.bands()) {
            BigDecimal top = band.upTo() == null ? covered : Money.min(covered, band.upTo());
            BigDecimal base = Money.max(BigDecimal.ZERO, top.subtract(from));
            BigDecimal amount = base.multiply(band.ratio()).setScale(2, RoundingMode.HALF_UP);
            steps.add(new BandStep(Money.normalize(from), Money.normalize(band.upTo()), band.ratio(), Money.normalize(base),
                    amount));
            byBands = byBands.add(amount);
            if (band.upTo() == null) {
                break;
            }
            from = band.upTo();
        }
        byBands = Money.normalize(byBands);
        BigDecimal afterClaimCap = Money.min(byBands, rules.capPerClaim());
        BigDecimal before = Money.normalize(approvedBefore == null ? BigDecimal.ZERO : approvedBefore);
        BigDecimal remaining = Money.normalize(Money.max(BigDecimal.ZERO, rules.capPerPeriod().subtract(before)));
        BigDecimal payout = Money.normalize(Money.min(afterClaimCap, remaining));
        String limitedBy;
        if (covered.signum() == 0) {
            limitedBy = "DEDUCTIBLE";
        } else if (payout.compareTo(afterClaimCap) < 0) {
            limitedBy = "CAP_PER_PERIOD";
        } else if (afterClaimCap.compareTo(byBands) < 0) {
            limitedBy = "CAP_PER_CLAIM";
        } else {
            limitedBy = "BANDS";
        }
        return new Breakdown(rules.version(), Money.normalize(selfPaid), Money.normalize(rules.deductible()), covered,
                List.copyOf(steps), byBands, Money.normalize(rules.capPerClaim()), Money.normalize(rules.capPerPeriod()),
                before, remaining, payout, limitedBy);
    }
}
