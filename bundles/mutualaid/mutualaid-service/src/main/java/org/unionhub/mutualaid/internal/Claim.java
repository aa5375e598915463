package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A claim with its medical details. {@code computedPayout} and {@code breakdown} are set from approval on;
 * {@code payout} is what was approved (never more than computed; {@code payoutReason} says why it is less).
 */
public record Claim(long id, long planId, int planVersion, long memberId, long orgId, String hospital, LocalDate admittedOn,
        LocalDate dischargedOn, BigDecimal totalExpenses, BigDecimal reimbursed, BigDecimal selfPaid, ClaimStatus status,
        BigDecimal computedPayout, BigDecimal payout, String payoutReason, Breakdown breakdown, SecondReview secondReview,
        String decisionReason, ClaimEvent event, Long familyMemberId, List<ClaimStep> steps, List<Attachment> attachments, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
