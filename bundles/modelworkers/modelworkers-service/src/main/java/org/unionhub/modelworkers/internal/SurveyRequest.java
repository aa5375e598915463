package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * One year's living-conditions survey of a model worker. {@code consent} is the model worker's consent to the survey
 * notice ({@code GET /api/notices/survey}) with the separate consent for his health ({@code MEDICAL}), given on the
 * signed paper form the visiting officer enters ({@code PAPER}); required (422 {@code consent}) except for the hub's
 * own demo data.
 */
public record SurveyRequest(@Required Survey.IncomeBand incomeBand, @Required Survey.Health health, @Required Survey.Housing housing,
        BigDecimal selfPaidMedical, @MaxLength(1000) String needs, ConsentGiven consent) {

    /** A survey without a consent: the hub's own demo data. */
    public SurveyRequest(Survey.IncomeBand incomeBand, Survey.Health health, Survey.Housing housing,
            BigDecimal selfPaidMedical, String needs) {
        this(incomeBand, health, housing, selfPaidMedical, needs, null);
    }
}
