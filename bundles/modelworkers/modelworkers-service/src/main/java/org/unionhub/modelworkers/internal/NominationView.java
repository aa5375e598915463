package org.unionhub.modelworkers.internal;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A nomination as the API shows it; {@code comments} are those of the latest return, {@code recordId} the
 * archive record an approval created or updated, {@code atOrgId} the union whose reviewers hold it now and
 * {@code route} the recommendations from level to level so far; {@code consentId} and {@code idNumberConsentId} the
 * candidate's consents the nomination was collected under (empty for older ones).
 */
public record NominationView(long id, long orgId, NominationState state, String candidateName, String idNumber,
        String workplace, String contact, String proposedTitle, String achievements, List<MaterialView> materials,
        List<Comment> comments, Long recordId, String decisionNote, String createdBy, String submittedBy,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime submittedAt, OffsetDateTime decidedAt,
        Long atOrgId, String atOrgName, List<NominationLevels.Step> route, Long consentId, Long idNumberConsentId) {
}
