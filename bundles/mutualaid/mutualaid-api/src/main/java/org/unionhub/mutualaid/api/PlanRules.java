package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.validation.Required;

/**
 * The versioned part of a plan, as posted to {@code POST /plans/{id}/versions}: it applies from
 * {@code effectiveFrom}. {@code eligibleKinds} empty or null means every employment form.
 */
public record PlanRules(@Required LocalDate effectiveFrom, @Required BigDecimal contribution, Set<EmploymentForm> eligibleKinds,
        @Required Integer waitingDays, @Required BigDecimal deductible, @Required List<Band> bands, @Required BigDecimal capPerClaim, @Required BigDecimal capPerPeriod) {
}
