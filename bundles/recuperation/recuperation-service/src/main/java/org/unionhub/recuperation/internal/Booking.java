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

    /** The booking as one traveller sees it: his own place and subsidy, not who else travels or what they receive. */
    public Booking travellerView(long memberId) {
        List<BookedMember> own = subsidyPerMember.stream().filter(m -> m.memberId() == memberId).toList();
        BigDecimal total = own.stream().map(BookedMember::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
        String reason = own.isEmpty() ? null : own.get(0).reason();
        return new Booking(id, programmeId, organiserOrgId, status, startDate, days, own.stream().map(BookedMember::memberId).toList(),
                own, total, policyId, policyVersion, reason, null, createdAt, cancelledAt);
    }
}
