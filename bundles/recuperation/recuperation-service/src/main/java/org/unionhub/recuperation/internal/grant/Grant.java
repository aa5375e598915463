package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A grant to a private enterprise's own recuperation trip: what its union asked ({@code requested}), what a union above
 * approved and paid, and what the enterprise union reported after the trip. {@code status}: APPLIED, APPROVED,
 * REJECTED, PAID, REPORTED.
 */
public record Grant(long id, long orgId, String enterpriseName, String creditCode, String title, LocalDate startDate, int days,
        int persons, BigDecimal requested, String status, BigDecimal approved, String appliedBy, OffsetDateTime appliedAt,
        String reviewedBy, OffsetDateTime reviewedAt, String reviewNote, String paidBy, OffsetDateTime paidAt,
        String paymentReference, Integer reportedPersons, Integer reportedPersonDays, BigDecimal reportedSpent,
        OffsetDateTime reportedAt) {

    public static final String APPLIED = "APPLIED";
    public static final String APPROVED = "APPROVED";
    public static final String REJECTED = "REJECTED";
    public static final String PAID = "PAID";
    public static final String REPORTED = "REPORTED";
}
