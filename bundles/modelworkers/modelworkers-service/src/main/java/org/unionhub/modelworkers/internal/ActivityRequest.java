package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.validation.Required;

/** A service session a model worker gave (劳模助企行): where, on what, for how long, reaching how many workers. */
public record ActivityRequest(@Required Long recordId, @Required LocalDate heldOn, @Required String enterprise, @Required String topic, @Required BigDecimal hours,
        Integer workersReached) {
}
