package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;

/**
 * Create or replace a position. {@code employerId} may be left out by an employer account with one
 * registration at the fair; {@code industry} defaults to the employer's; {@code status} to OPEN.
 */
public record PositionRequest(Long employerId, String title, String industry, Integer headcount, BigDecimal salaryMin,
        BigDecimal salaryMax, Education education, Integer experienceYears, String location, String description,
        PositionStatus status) {
}
