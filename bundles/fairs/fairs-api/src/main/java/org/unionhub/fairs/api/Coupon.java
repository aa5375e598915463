package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One claimed coupon; the redemption fields are set once it has been used. */
public record Coupon(long id, String code, long batchId, String title, CouponKind kind, BigDecimal threshold,
        BigDecimal discount, String gift, long memberId, OffsetDateTime validFrom, OffsetDateTime validTo,
        OffsetDateTime claimedAt, OffsetDateTime redeemedAt, String redeemedBy, String merchantCreditCode,
        BigDecimal orderAmount, BigDecimal discountGranted) {
}
