package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.validation.MaxLength;

/** A new plan ({@code POST /plans}); its first rule version applies from {@code periodStart}. */
public record PlanRequest(@MaxLength(200) String name, PlanKind kind, LocalDate periodStart, LocalDate periodEnd,
        BigDecimal contribution,
        Set<EmploymentForm> eligibleKinds, Integer waitingDays, BigDecimal deductible, List<Band> bands,
        BigDecimal capPerClaim, BigDecimal capPerPeriod, List<FixedSum> fixedSums, Set<ClaimEvent> familyCovers) {

    public PlanRules rules() {
        return new PlanRules(periodStart, contribution, eligibleKinds, waitingDays, deductible, bands, capPerClaim,
                capPerPeriod, fixedSums, familyCovers);
    }
}
