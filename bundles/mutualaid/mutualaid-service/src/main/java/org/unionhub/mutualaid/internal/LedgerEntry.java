package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One ledger line; amounts are positive, {@code kind} says the direction. A contribution says who paid it
 * ({@code paidBy}: the member, his employer or a union, and {@code payerName} which one); a payout has neither.
 */
public record LedgerEntry(long id, long planId, LedgerKind kind, BigDecimal amount, long memberId, Long enrolmentId,
        Long claimId, PayerKind paidBy, String payerName, LocalDate bookedOn, String bookedBy, OffsetDateTime bookedAt) {
}
