package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A coupon batch with its counts: issued (the quantity), claimed, redeemed and the discount granted. */
public record CouponBatch(long id, Long fairId, Long orgId, String title, CouponKind kind, BigDecimal threshold,
        BigDecimal discount, String gift, int quantity, int perMemberLimit, OffsetDateTime validFrom,
        OffsetDateTime validTo, String merchantCreditCode, int issued, int claimed, int remaining, long redeemed,
        BigDecimal discountGranted, OffsetDateTime createdAt) {
}
