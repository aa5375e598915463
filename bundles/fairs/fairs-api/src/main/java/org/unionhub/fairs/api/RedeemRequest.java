package org.unionhub.fairs.api;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** A merchant redeems a coupon against an order; {@code merchantCreditCode} is required for a merchant-scoped batch. */
public record RedeemRequest(@Required BigDecimal orderAmount, @MaxLength(18) String merchantCreditCode) {
}
