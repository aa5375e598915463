package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;

/**
 * Search within a fair's positions. {@code salaryFloor}: positions whose range reaches it (max &ge; floor).
 * {@code sort}: createdAt, salaryMin, salaryMax, headcount or title, "-" first for descending.
 */
public record PositionQuery(String keyword, String industry, BigDecimal salaryFloor, String location,
        Education education, Long employerId, PositionStatus status, String sort) {
}
