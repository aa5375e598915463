package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** A position an employer offers at a fair; salaries are CNY per month. */
public record Position(long id, long fairId, long employerId, String employerName, String title, String industry,
        int headcount, int hired, BigDecimal salaryMin, BigDecimal salaryMax, Education education, int experienceYears,
        String location, String description, PositionStatus status, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
