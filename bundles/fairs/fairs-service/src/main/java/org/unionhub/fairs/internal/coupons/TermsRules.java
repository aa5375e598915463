package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;

import org.unionhub.api.Money;
import org.unionhub.api.NewFormKind;
import org.unionhub.api.Validation;
import org.unionhub.fairs.api.CouponKind;

/** The rules of issue 19's coupon terms, free of storage so that they are tested as tables. */
public final class TermsRules {

    /** A monthly series runs at most a year; a region issues the next year's anew. */
    public static final int MAX_MONTHS = 12;

    private TermsRules() {
    }

    public static void validate(CouponBatchRequest r, Validation v) {
        if (r.kind() == CouponKind.PERCENT) {
            v.required("rate", r.rate());
            v.required("cap", r.cap());
        } else {
            v.check(r.rate() == null, "rate", "applies only to PERCENT coupons");
            v.check(r.cap() == null, "cap", "applies only to PERCENT coupons");
        }
        // 7.5折 is 0.75: the member pays more than nothing and less than the whole price
        v.check(r.rate() == null || r.rate().signum() > 0 && r.rate().compareTo(BigDecimal.ONE) < 0, "rate",
                "must lie between 0 and 1 (0.75 = 7.5折)");
        v.check(r.rate() == null || r.rate().stripTrailingZeros().scale() <= 3, "rate", "must have at most three decimals");
        v.money("cap", r.cap()).positive("cap", r.cap());
        v.check(r.newFormKinds() == null || r.newFormKinds().stream().noneMatch(java.util.Objects::isNull), "newFormKinds",
                "must not contain null");
        v.check(r.releaseAt() == null || r.validTo() == null || r.releaseAt().isBefore(r.validTo()), "releaseAt",
                "must be before validTo");
        v.check(r.months() == null || r.months() >= 1 && r.months() <= MAX_MONTHS, "months", "must lie between 1 and " + MAX_MONTHS);
        v.maxLength("sponsor", r.sponsor(), 200);
        v.check(r.unionShare() == null || r.unionShare().signum() >= 0 && r.unionShare().compareTo(BigDecimal.ONE) <= 0,
                "unionShare", "must lie between 0 and 1");
        v.check(r.unionShare() == null || r.unionShare().stripTrailingZeros().scale() <= 3, "unionShare",
                "must have at most three decimals");
        v.check(r.unionShare() == null || r.unionShare().compareTo(BigDecimal.ONE) == 0 || r.sponsor() != null
                && !r.sponsor().isBlank(), "sponsor", "names who funds the rest of each saving");
    }

    /**
     * What a PERCENT coupon saves on an order: the part of the price the member does not pay, at most the cap; the
     * order must reach the threshold when there is one. 100.00 at 0.75 saves 25.00; capped at 20.00 it saves 20.00.
     */
    public static BigDecimal percentDiscount(BigDecimal rate, BigDecimal cap, BigDecimal threshold, BigDecimal orderAmount,
            Validation v) {
        v.check(threshold == null || orderAmount.compareTo(threshold) >= 0, "orderAmount", "must be at least the threshold " + threshold);
        BigDecimal saving = orderAmount.multiply(BigDecimal.ONE.subtract(rate)).setScale(2, RoundingMode.HALF_UP);
        return Money.normalize(Money.min(saving, cap));
    }

    /** The union's part of a saving; the sponsor funds the rest. */
    public static BigDecimal unionPart(BigDecimal saving, BigDecimal unionShare) {
        return saving.multiply(unionShare).setScale(2, RoundingMode.HALF_UP);
    }

    /** Why a member may not claim from a batch with these terms now, or null when he may. */
    public static String claimRefusal(Instant releaseAt, List<NewFormKind> kinds, NewFormKind member, Instant now) {
        if (releaseAt != null && now.isBefore(releaseAt)) {
            return "release";
        }
        if (kinds != null && !kinds.isEmpty() && (member == null || !kinds.contains(member))) {
            return "group";
        }
        return null;
    }
}
