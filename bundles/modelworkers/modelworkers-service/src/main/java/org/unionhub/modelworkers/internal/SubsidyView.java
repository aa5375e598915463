package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A payment of the special subsidy fund: who paid it, for which union ({@code payingOrgId}) and from which source of
 * funds, and the application it paid (null for payments booked before applications were kept).
 */
public record SubsidyView(long id, long recordId, String name, SubsidyKind kind, int year, BigDecimal amount, String note,
        String paidBy, OffsetDateTime paidAt, Long applicationId, Long payingOrgId, String fundSource) {
}
