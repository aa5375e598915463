package org.unionhub.jobfairs.internal.programmes;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.jobfairs.internal.board.Applicant;

/**
 * An application to a programme: who applies and where he works; {@code consent} is the applicant's consent to the
 * programme notice ({@code GET /api/notices/programme}), required, with {@code ID_NUMBER} when he gives his ID number.
 */
public record ProgrammeApplicationRequest(Applicant applicant, @MaxLength(200) String workplace, ConsentGiven consent) {
}
