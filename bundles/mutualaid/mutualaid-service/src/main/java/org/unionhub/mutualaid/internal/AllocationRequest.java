package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;

import org.unionhub.api.validation.MaxLength;

/** Money put into a plan's fund besides contributions: {@code paidBy} UNION, EMPLOYER or OTHER, and which one. */
public record AllocationRequest(BigDecimal amount, PayerKind paidBy, @MaxLength(200) String payerName,
        @MaxLength(1000) String note) {
}
