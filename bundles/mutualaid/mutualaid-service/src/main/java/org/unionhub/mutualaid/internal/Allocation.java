package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;


/** One allocation into a plan's fund, with who paid it. */
public record Allocation(long id, long planId, BigDecimal amount, PayerKind paidBy, String payerName, String note,
        LocalDate bookedOn, String bookedBy, OffsetDateTime bookedAt) {
}
