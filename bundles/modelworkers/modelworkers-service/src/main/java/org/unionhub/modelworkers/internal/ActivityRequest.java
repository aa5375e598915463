package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A service session a model worker gave (劳模助企行): where, on what, for how long, reaching how many workers. */
public record ActivityRequest(Long recordId, LocalDate heldOn, String enterprise, String topic, BigDecimal hours,
        Integer workersReached) {
}
