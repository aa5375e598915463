package org.unionhub.jobfairs.internal.board;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.PositionStatus;

/** A position on the year-round board, listed until {@code expiresOn}; salaries are CNY per month. */
public record Job(long id, long employerId, String employerName, long orgId, String title, String industry,
        int headcount, int hired, BigDecimal salaryMin, BigDecimal salaryMax, Education education, int experienceYears,
        String location, String description, PositionStatus status, LocalDate expiresOn, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
