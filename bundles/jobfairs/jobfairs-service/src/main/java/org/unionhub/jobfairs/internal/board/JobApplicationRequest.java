package org.unionhub.jobfairs.internal.board;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.Education;

/** An application to a board position: who applies, and a short CV. */
public record JobApplicationRequest(Applicant applicant, Education education, Integer experienceYears,
        @MaxLength(1000) String skills) {
}
