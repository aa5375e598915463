package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A claim ({@code POST /claims}); a member claiming for himself may leave {@code memberId} out. {@code event}
 * defaults to {@code HOSPITAL_STAY} (a stay with its expenses); a {@code DIAGNOSIS}, {@code DEATH} or
 * {@code DISABILITY} claims the plan's fixed sum and gives {@code occurredOn} instead of the stay and its expenses.
 * {@code familyMemberId} claims for a family member named on the member's enrolment, where the plan covers it.
 */
public record ClaimRequest(@Required Long planId, Long memberId, @MaxLength(200) String hospital, LocalDate admittedOn,
        LocalDate dischargedOn,
        BigDecimal totalExpenses, BigDecimal reimbursed, ClaimEvent event, LocalDate occurredOn, Long familyMemberId) {
}
