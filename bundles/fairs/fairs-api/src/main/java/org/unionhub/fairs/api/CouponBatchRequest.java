package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A coupon batch. THRESHOLD needs {@code threshold} and {@code discount} with discount &lt; threshold; GIFT needs
 * {@code gift}. {@code perMemberLimit} defaults to 1. {@code merchantCreditCode}, when set, limits redemption
 * to that merchant. {@code fairId} ties the batch to a fair's figures.
 */
public record CouponBatchRequest(Long fairId, String title, CouponKind kind, BigDecimal threshold, BigDecimal discount,
        String gift, Integer quantity, Integer perMemberLimit, OffsetDateTime validFrom, OffsetDateTime validTo,
        String merchantCreditCode) {
}
