package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;

/**
 * The body of a review step: {@code reason} (required to reject or return, and to approve less than computed)
 * and, for approve, an optional {@code amount} not above the computed payout.
 */
public record Decision(BigDecimal amount, @MaxLength(1000) String reason) {
}
