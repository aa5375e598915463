package org.unionhub.jobfairs.internal.board;

import java.time.OffsetDateTime;

import org.unionhub.jobfairs.internal.ApplicationStatus;
import org.unionhub.jobfairs.internal.Education;

/**
 * An application to a board position. {@code idNumber} (non-members only) is masked but for an admin's single
 * read, which is audited; {@code memberId} is null for non-members and flexible workers.
 */
public record JobApplication(long id, long jobId, String jobTitle, long employerId, String employerName, Long memberId,
        ApplicantKind applicantKind, String name, String phone, String idNumber, Education education,
        int experienceYears, String skills, ApplicationStatus status, String note, OffsetDateTime submittedAt,
        OffsetDateTime updatedAt) {
}
