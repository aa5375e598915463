package org.unionhub.jobfairs.internal.programmes;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.board.Applicant;

/** An application to a programme: who applies and where he works. */
public record ProgrammeApplicationRequest(Applicant applicant, @MaxLength(200) String workplace) {
}
