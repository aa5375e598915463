package org.unionhub.core.internal.join;

import java.time.Instant;

import org.unionhub.api.EmploymentForm;
import org.unionhub.api.NewFormKind;

/**
 * A join request as its union's officers see it. {@code kind} {@code TRANSFER} (转会): the applicant is a member of
 * {@code fromOrgName} already. {@code idNumber} shows the last 4 characters only; {@code memberId} is set once
 * approved.
 */
public record JoinRequest(long id, long orgId, String orgName, String kind, String status, String name, String phone,
        String idNumber, String employer, EmploymentForm employmentForm, NewFormKind newFormKind, String source,
        String fromOrgName, String consentVersion, Instant consentAt, String consentChannel, Instant createdAt,
        Instant decidedAt, String decidedBy, String reason, Long memberId) {
}
