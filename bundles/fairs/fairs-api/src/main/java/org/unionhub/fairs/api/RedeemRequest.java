package org.unionhub.fairs.api;

import java.math.BigDecimal;

/** A merchant redeems a coupon against an order; {@code merchantCreditCode} is required for a merchant-scoped batch. */
public record RedeemRequest(BigDecimal orderAmount, String merchantCreditCode) {
}
