package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import org.unionhub.api.EmploymentForm;

/**
 * The versioned part of a plan, as posted to {@code POST /plans/{id}/versions}: it applies from
 * {@code effectiveFrom}. {@code eligibleKinds} empty or null means every employment form.
 */
public record PlanRules(LocalDate effectiveFrom, BigDecimal contribution, Set<EmploymentForm> eligibleKinds,
        Integer waitingDays, BigDecimal deductible, List<Band> bands, BigDecimal capPerClaim, BigDecimal capPerPeriod) {
}
