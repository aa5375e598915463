package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;

/**
 * A plan with the rules in force today (or, before the period starts, its first version) flattened into the
 * top-level fields, and every version in {@code versions}.
 */
public record Plan(long id, String name, PlanKind kind, LocalDate periodStart, LocalDate periodEnd, BigDecimal contribution,
        Set<EmploymentForm> eligibleKinds, int waitingDays, BigDecimal deductible, List<Band> bands, BigDecimal capPerClaim,
        BigDecimal capPerPeriod, List<FixedSum> fixedSums, Set<ClaimEvent> familyCovers, int version, LocalDate effectiveFrom, List<PlanVersion> versions, long enrolled,
        OffsetDateTime createdAt) {
}
