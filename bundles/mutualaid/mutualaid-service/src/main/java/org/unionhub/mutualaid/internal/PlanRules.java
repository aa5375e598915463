package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.validation.Required;

/**
 * The versioned part of a plan, as posted to {@code POST /plans/{id}/versions}: it applies from
 * {@code effectiveFrom}. {@code eligibleKinds} empty or null means every employment form. {@code fixedSums}: what a
 * major-illness or accident plan pays on a diagnosis, death or disability, beside the expense bands;
 * {@code familyCovers}: the claims (events) the plan also pays for a covered family member of the member.
 */
public record PlanRules(@Required LocalDate effectiveFrom, @Required BigDecimal contribution, Set<EmploymentForm> eligibleKinds,
        @Required Integer waitingDays, @Required BigDecimal deductible, @Required List<Band> bands, @Required BigDecimal capPerClaim,
        @Required BigDecimal capPerPeriod, List<FixedSum> fixedSums, Set<ClaimEvent> familyCovers) {
}
