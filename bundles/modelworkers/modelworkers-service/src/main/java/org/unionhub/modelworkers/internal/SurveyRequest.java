package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;

/** One year's living-conditions survey of a model worker. */
public record SurveyRequest(Survey.IncomeBand incomeBand, Survey.Health health, Survey.Housing housing,
        BigDecimal selfPaidMedical, @MaxLength(1000) String needs) {
}
