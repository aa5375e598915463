package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;

/** One version of a plan's rules; a claim uses the version in force on its admission date. */
public record PlanVersion(int version, LocalDate effectiveFrom, BigDecimal contribution, Set<EmploymentForm> eligibleKinds,
        int waitingDays, BigDecimal deductible, List<Band> bands, BigDecimal capPerClaim, BigDecimal capPerPeriod,
        List<FixedSum> fixedSums, Set<ClaimEvent> familyCovers, String createdBy, OffsetDateTime createdAt) {
}
