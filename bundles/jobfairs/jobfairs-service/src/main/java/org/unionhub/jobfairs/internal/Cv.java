package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.Required;

/** The structured part of a CV; a PDF or image may be attached to the application besides. */
public record Cv(@Required String name, @Required String phone, String email, @Required Education education, @Required Integer experienceYears, String skills,
        String workHistory, BigDecimal expectedSalary) {
}
