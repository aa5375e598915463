package org.unionhub.jobfairs.internal.board;

import org.unionhub.api.validation.MaxLength;

/**
 * The person who applies to a board position or a programme. A member account's application is the member's
 * (kind MEMBER whatever is sent, no ID number needed); anybody else states {@code kind} NON_MEMBER or FLEXIBLE
 * and gives an ID number, which is checked, sealed and shown masked.
 */
public record Applicant(ApplicantKind kind, @MaxLength(100) String name, @MaxLength(20) String phone,
        @MaxLength(18) String idNumber) {
}
