package org.unionhub.recuperation.internal.settle;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The organising union's settlement of one booking after the stay: who went, for how many days, and the subsidy the
 * policy gives for that ({@code amount}), against what the booking reserved ({@code bookedAmount}). {@code status}:
 * FILED, APPROVED, REJECTED, PAID.
 */
public record Settlement(long id, long bookingId, long organiserOrgId, String status, int persons, int personDays,
        BigDecimal bookedAmount, BigDecimal amount, List<Traveller> members, String filedBy, OffsetDateTime filedAt,
        String reviewedBy, OffsetDateTime reviewedAt, String reviewNote, String paidBy, OffsetDateTime paidAt,
        String paymentReference) {

    public static final String FILED = "FILED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String PAID = "PAID";

    /** One traveller: the days he stayed, whether he completed the stay, the subsidy booked and the subsidy settled. */
    public record Traveller(long memberId, Integer attendedDays, Boolean completed, BigDecimal booked, BigDecimal settled) {
    }
}
