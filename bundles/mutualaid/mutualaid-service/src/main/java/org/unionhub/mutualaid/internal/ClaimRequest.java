package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A claim ({@code POST /claims}); a member claiming for himself may leave {@code memberId} out. {@code event}
 * defaults to {@code HOSPITAL_STAY} (a stay with its expenses); a {@code DIAGNOSIS}, {@code DEATH} or
 * {@code DISABILITY} claims the plan's fixed sum and gives {@code occurredOn} instead of the stay and its expenses.
 * {@code familyMemberId} claims for a family member named on the member's enrolment, where the plan covers it.
 * {@code consent} is the member's consent to the claim notice ({@code GET /api/notices/claim}) with the separate
 * consent {@code MEDICAL}: required when a member claims for himself; an officer entering a paper form sends channel
 * {@code PAPER}.
 */
public record ClaimRequest(@Required Long planId, Long memberId, @MaxLength(200) String hospital, LocalDate admittedOn,
        LocalDate dischargedOn,
        BigDecimal totalExpenses, BigDecimal reimbursed, ClaimEvent event, LocalDate occurredOn, Long familyMemberId,
        ConsentGiven consent) {

    /** A claim without a consent (an officer's entry), as before consent at collection. */
    public ClaimRequest(Long planId, Long memberId, String hospital, LocalDate admittedOn, LocalDate dischargedOn,
            BigDecimal totalExpenses, BigDecimal reimbursed, ClaimEvent event, LocalDate occurredOn, Long familyMemberId) {
        this(planId, memberId, hospital, admittedOn, dischargedOn, totalExpenses, reimbursed, event, occurredOn,
                familyMemberId, null);
    }
}
