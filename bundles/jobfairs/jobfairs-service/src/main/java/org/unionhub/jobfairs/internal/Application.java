package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;


/** A member's application to a position, with the time each step was reached. */
public record Application(long id, long fairId, long positionId, String positionTitle, long employerId,
        String employerName, long memberId, Long livestreamId, ApplicationStatus status, Cv cv,
        AttachmentInfo attachment, String note, OffsetDateTime submittedAt, OffsetDateTime viewedAt,
        OffsetDateTime interviewAt, OffsetDateTime offeredAt, OffsetDateTime hiredAt, OffsetDateTime closedAt,
        OffsetDateTime updatedAt) {
}
