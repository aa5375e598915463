package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * Create or replace a position. {@code employerId} may be left out by an employer account with one
 * registration at the fair; {@code industry} defaults to the employer's; {@code status} to OPEN.
 */
public record PositionRequest(Long employerId, @Required @MaxLength(200) String title, @MaxLength(50) String industry,
        @Required Integer headcount, @Required BigDecimal salaryMin,
        @Required BigDecimal salaryMax, @Required Education education, @Required Integer experienceYears, @Required @MaxLength(100) String location,
        @MaxLength(4000) String description,
        PositionStatus status) {
}
