package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.unionhub.api.EmploymentForm;

/** One stored rule version of a plan. */
record Version(long id, long planId, int no, LocalDate effectiveFrom, BigDecimal contribution, Set<EmploymentForm> eligibleKinds,
        int waitingDays, BigDecimal deductible, List<Band> bands, BigDecimal capPerClaim, BigDecimal capPerPeriod,
        Map<ClaimEvent, BigDecimal> fixedSums, Set<ClaimEvent> familyCovers, String createdBy, Instant createdAt) {

    boolean covers(EmploymentForm form) {
        return eligibleKinds.isEmpty() || eligibleKinds.contains(form);
    }

    PayoutCalculator.Rules payoutRules() {
        return new PayoutCalculator.Rules(no, deductible, bands, capPerClaim, capPerPeriod);
    }

    PlanVersion view(ZoneId zone) {
        return new PlanVersion(no, effectiveFrom, contribution, eligibleKinds, waitingDays, deductible, bands, capPerClaim,
                capPerPeriod, Benefits.view(fixedSums), familyCovers, createdBy, Times.at(createdAt, zone));
    }
}
