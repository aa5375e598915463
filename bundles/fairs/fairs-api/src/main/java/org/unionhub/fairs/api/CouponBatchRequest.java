package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A coupon batch. THRESHOLD needs {@code threshold} and {@code discount} with discount &lt; threshold; GIFT needs
 * {@code gift}. {@code perMemberLimit} defaults to 1. {@code merchantCreditCode}, when set, limits redemption
 * to that merchant. {@code fairId} ties the batch to a fair's figures.
 */
public record CouponBatchRequest(Long fairId, @Required @MaxLength(200) String title, @Required CouponKind kind, BigDecimal threshold,
        BigDecimal discount,
        @MaxLength(200) String gift, @Required Integer quantity, Integer perMemberLimit, @Required OffsetDateTime validFrom,
        @Required OffsetDateTime validTo,
        @MaxLength(18) String merchantCreditCode) {
}
