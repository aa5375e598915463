package org.unionhub.mutualaid.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A member's enrolment in a plan for its period; {@code coveredFrom} is when the waiting period ends. */
public record Enrolment(long id, long planId, long memberId, long orgId, LocalDate periodStart, LocalDate enrolledOn,
        LocalDate coveredFrom, BigDecimal contribution, int planVersion, String createdBy, OffsetDateTime createdAt) {
}
