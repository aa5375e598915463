package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.api.NewFormKind;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.fairs.api.CouponKind;

/**
 * A coupon batch as an officer creates it: the fields of {@link org.unionhub.fairs.api.CouponBatchRequest} and the terms
 * of issue 19, all optional. It keeps the api request's name, whose fields it extends, so that the contract's schema
 * stays {@code CouponBatchRequest} with new optional fields. {@code rate} (PERCENT: the share of the price the member
 * pays, 0.75 = 7.5折) and {@code cap} (the most one coupon saves); {@code newFormKinds}: only members of these kinds of
 * new-employment-form work may claim; {@code releaseAt}: nobody claims before it; {@code months}: the batch repeats
 * monthly, this many months in all; {@code sponsor} and {@code unionShare}: who funds the savings and the union's share of
 * each saving (商家让一点、工会贴一点).
 */
public record CouponBatchRequest(Long fairId, @MaxLength(200) String title, CouponKind kind, BigDecimal threshold, BigDecimal discount,
        @MaxLength(200) String gift, Integer quantity, Integer perMemberLimit, OffsetDateTime validFrom, OffsetDateTime validTo,
        @MaxLength(18) String merchantCreditCode, BigDecimal rate, BigDecimal cap, List<NewFormKind> newFormKinds,
        OffsetDateTime releaseAt, Integer months, @MaxLength(200) String sponsor, BigDecimal unionShare) {

    /** The plain batch of month {@code i} (0 = the first): validity and release move on by {@code i} months. */
    org.unionhub.fairs.api.CouponBatchRequest month(int i) {
        return new org.unionhub.fairs.api.CouponBatchRequest(fairId, title, kind, threshold, discount, gift, quantity, perMemberLimit,
                validFrom == null ? null : validFrom.plusMonths(i), validTo == null ? null : validTo.plusMonths(i), merchantCreditCode);
    }

    /** Whether any term beyond the plain batch was given. */
    boolean hasTerms() {
        return rate != null || cap != null || newFormKinds != null && !newFormKinds.isEmpty() || releaseAt != null
                || months != null || sponsor != null || unionShare != null;
    }
}
