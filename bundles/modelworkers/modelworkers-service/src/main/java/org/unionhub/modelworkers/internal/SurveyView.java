package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A survey answer and whether (and why) it flags the model worker for relief, with the ids of the consents it was
 * recorded under ({@code consentId}, {@code medicalConsentId}; empty for older surveys and demo data).
 */
public record SurveyView(long recordId, String name, long orgId, int year, Survey.IncomeBand incomeBand, Survey.Health health,
        Survey.Housing housing, BigDecimal selfPaidMedical, String needs, boolean flagged, List<String> flagReasons,
        String surveyedBy, OffsetDateTime surveyedAt, Long consentId, Long medicalConsentId) {
}
