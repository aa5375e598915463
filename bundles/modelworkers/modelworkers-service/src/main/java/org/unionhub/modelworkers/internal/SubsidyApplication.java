package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * An application for a special subsidy with its steps: applied by an officer of the model worker's union, reviewed
 * (approved, perhaps for less, or rejected), then paid by a union from a named source of funds ({@code subsidyId}
 * is the ledger entry of the payment).
 */
public record SubsidyApplication(long id, long recordId, String name, SubsidyKind kind, int year, BigDecimal amount,
        String note, SubsidyStatus status, String appliedBy, OffsetDateTime appliedAt, String reviewedBy,
        OffsetDateTime reviewedAt, BigDecimal approvedAmount, String reviewNote, String paidBy, OffsetDateTime paidAt,
        Long payingOrgId, String fundSource, Long subsidyId) {
}
