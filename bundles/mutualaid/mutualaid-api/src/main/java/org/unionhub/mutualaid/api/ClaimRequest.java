package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** A claim ({@code POST /claims}); a member claiming for himself may leave {@code memberId} out. */
public record ClaimRequest(@Required Long planId, Long memberId, @Required @MaxLength(200) String hospital, @Required LocalDate admittedOn,
        @Required LocalDate dischargedOn,
        @Required BigDecimal totalExpenses, @Required BigDecimal reimbursed) {
}
