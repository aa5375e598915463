package org.unionhub.jobfairs.internal.board;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.Education;

/**
 * An application to a board position: who applies, and a short CV; {@code consent} is the applicant's consent to the
 * job-board notice ({@code GET /api/notices/jobboard}), required, with {@code ID_NUMBER} when he gives his ID number.
 */
public record JobApplicationRequest(Applicant applicant, Education education, Integer experienceYears,
        @MaxLength(1000) String skills, ConsentGiven consent) {
}
