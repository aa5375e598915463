package org.unionhub.jobfairs.internal;

import java.math.BigDecimal;

/** The structured part of a CV; a PDF or image may be attached to the application besides. */
public record Cv(String name, String phone, String email, Education education, Integer experienceYears, String skills,
        String workHistory, BigDecimal expectedSalary) {
}
