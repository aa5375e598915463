package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/** A new plan ({@code POST /plans}); its first rule version applies from {@code periodStart}. */
@Example("PlanRequest.example.json")
public record PlanRequest(@Required @MaxLength(200) String name, @Required PlanKind kind, @Required LocalDate periodStart,
        @Required LocalDate periodEnd, @Required BigDecimal contribution,
        Set<EmploymentForm> eligibleKinds, @Required Integer waitingDays, @Required BigDecimal deductible, @Required List<Band> bands,
        @Required BigDecimal capPerClaim, @Required BigDecimal capPerPeriod, List<FixedSum> fixedSums, Set<ClaimEvent> familyCovers) {

    public PlanRules rules() {
        return new PlanRules(periodStart, contribution, eligibleKinds, waitingDays, deductible, bands, capPerClaim,
                capPerPeriod, fixedSums, familyCovers);
    }
}
