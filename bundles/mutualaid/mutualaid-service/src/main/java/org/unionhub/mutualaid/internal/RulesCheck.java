package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.util.List;

import org.unionhub.api.Validation;

/** Benefit rules are data, so they are checked like data: ratios in (0,1], bands ascending, caps above 0. */
final class RulesCheck {

    static final int MAX_WAITING_DAYS = 365;
    /** The largest amount DECIMAL(14,2) holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999.99");

    private RulesCheck() {
    }

    /** A money amount: not negative, at most two decimals, and small enough for its column. */
    static Validation amount(Validation v, String field, BigDecimal value) {
        v.money(field, value);
        return v.valid(field, value, a -> a.compareTo(MAX_AMOUNT) <= 0, "must be at most " + MAX_AMOUNT.toPlainString());
    }

    static void check(Validation v, PlanRules r) {
        v.required("contribution", r.contribution());
        amount(v, "contribution", r.contribution());
        v.required("waitingDays", r.waitingDays());
        v.valid("waitingDays", r.waitingDays(), d -> d >= 0 && d <= MAX_WAITING_DAYS,
                "must be between 0 and " + MAX_WAITING_DAYS);
        v.required("deductible", r.deductible());
        amount(v, "deductible", r.deductible());
        v.required("capPerClaim", r.capPerClaim()).positive("capPerClaim", r.capPerClaim());
        amount(v, "capPerClaim", r.capPerClaim());
        v.required("capPerPeriod", r.capPerPeriod()).positive("capPerPeriod", r.capPerPeriod());
        amount(v, "capPerPeriod", r.capPerPeriod());
        if (r.capPerClaim() != null && r.capPerPeriod() != null) {
            v.check(r.capPerClaim().compareTo(r.capPerPeriod()) <= 0, "capPerClaim", "must not exceed capPerPeriod");
        }
        v.required("bands", r.bands());
        List<Band> bands = r.bands();
        if (bands == null) {
            return;
        }
        v.check(bands.size() <= 10, "bands", "at most 10 bands");
        BigDecimal previous = null;
        for (int i = 0; i < bands.size(); i++) {
            Band b = bands.get(i);
            String at = "bands[" + i + "]";
            if (b == null) {
                v.error(at, "is required");
                continue;
            }
            v.required(at + ".ratio", b.ratio());
            v.valid(at + ".ratio", b.ratio(), x -> x.signum() > 0 && x.compareTo(BigDecimal.ONE) <= 0,
                    "must be greater than 0 and at most 1");
            v.valid(at + ".ratio", b.ratio(), x -> x.stripTrailingZeros().scale() <= 4, "must have at most four decimals");
            boolean last = i == bands.size() - 1;
            if (b.upTo() == null) {
                v.check(last, at + ".upTo", "only the last band may leave upTo open");
            } else {
                amount(v, at + ".upTo", b.upTo()).positive(at + ".upTo", b.upTo());
                if (previous != null) {
                    v.check(b.upTo().compareTo(previous) > 0, at + ".upTo", "must be greater than the previous band's upTo");
                }
                previous = b.upTo();
            }
        }
    }
}
