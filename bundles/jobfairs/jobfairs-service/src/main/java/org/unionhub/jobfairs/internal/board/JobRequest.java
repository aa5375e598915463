package org.unionhub.jobfairs.internal.board;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.Education;
import org.unionhub.jobfairs.internal.PositionStatus;

/**
 * Post or replace a position on the year-round board. {@code employerId} (the registry's id) may be left out by an
 * employer account with one registration; {@code expiresOn} is the last day it is listed.
 */
public record JobRequest(Long employerId, @MaxLength(200) String title, @MaxLength(50) String industry,
        Integer headcount, BigDecimal salaryMin, BigDecimal salaryMax, Education education, Integer experienceYears,
        @MaxLength(100) String location, @MaxLength(4000) String description, LocalDate expiresOn,
        PositionStatus status) {
}
