package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.validation.MaxLength;

/** A claim ({@code POST /claims}); a member claiming for himself may leave {@code memberId} out. */
public record ClaimRequest(Long planId, Long memberId, @MaxLength(200) String hospital, LocalDate admittedOn,
        LocalDate dischargedOn,
        BigDecimal totalExpenses, BigDecimal reimbursed) {
}
