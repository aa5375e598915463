package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** A booking with the subsidy as recorded when it was made; a later policy never rewrites it. */
public record Booking(long id, long programmeId, long organiserOrgId, String status, LocalDate startDate, int days,
        List<Long> memberIds, List<BookedMember> subsidyPerMember, BigDecimal subsidyTotal, String policyId,
        String policyVersion, String subsidyReason, String createdBy, OffsetDateTime createdAt, OffsetDateTime cancelledAt) {

    public static final String ACTIVE = "ACTIVE";
    public static final String CANCELLED = "CANCELLED";
}
