package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One ledger line; amounts are positive, {@code kind} says the direction. */
public record LedgerEntry(long id, long planId, LedgerKind kind, BigDecimal amount, long memberId, Long enrolmentId,
        Long claimId, LocalDate bookedOn, String bookedBy, OffsetDateTime bookedAt) {
}
