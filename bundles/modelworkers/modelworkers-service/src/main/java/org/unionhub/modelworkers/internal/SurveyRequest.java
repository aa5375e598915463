package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** One year's living-conditions survey of a model worker. */
public record SurveyRequest(@Required Survey.IncomeBand incomeBand, @Required Survey.Health health, @Required Survey.Housing housing,
        BigDecimal selfPaidMedical, @MaxLength(1000) String needs) {
}
