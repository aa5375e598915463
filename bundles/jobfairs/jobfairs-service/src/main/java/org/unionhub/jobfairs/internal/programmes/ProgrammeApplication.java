package org.unionhub.jobfairs.internal.programmes;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import org.unionhub.jobfairs.internal.board.ApplicantKind;

/** An application to a programme; {@code idNumber} masked (non-members only), {@code amountPaid} once PAID. */
public record ProgrammeApplication(long id, long programmeId, Long memberId, ApplicantKind applicantKind, String name,
        String phone, String idNumber, String workplace, ProgrammeApplicationStatus status, String note,
        BigDecimal amountPaid, String reviewedBy, String paidBy, OffsetDateTime submittedAt, OffsetDateTime paidAt,
        OffsetDateTime updatedAt) {
}
