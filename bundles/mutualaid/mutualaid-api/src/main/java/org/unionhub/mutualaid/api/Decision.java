package org.unionhub.mutualaid.api;

import java.math.BigDecimal;

/**
 * The body of a review step: {@code reason} (required to reject or return, and to approve less than computed)
 * and, for approve, an optional {@code amount} not above the computed payout.
 */
public record Decision(BigDecimal amount, String reason) {
}
