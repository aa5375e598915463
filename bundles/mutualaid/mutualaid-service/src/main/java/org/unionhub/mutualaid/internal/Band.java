package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;

import org.unionhub.api.validation.Decimal;
import org.unionhub.api.validation.Required;

/**
 * One payout ratio band: {@code ratio} of the covered amount (self-paid minus deductible) from the previous
 * band's {@code upTo} up to this {@code upTo}; the last band's {@code upTo} may be null (no upper bound).
 */
public record Band(BigDecimal upTo, @Required @Decimal(precision = 6, scale = 4) BigDecimal ratio) {
}
