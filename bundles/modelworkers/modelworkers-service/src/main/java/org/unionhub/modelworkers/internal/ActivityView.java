package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded service session; {@code orgId} is the model worker's union, which the figures count it under. */
public record ActivityView(long id, long recordId, String name, long orgId, LocalDate heldOn, String enterprise, String topic,
        BigDecimal hours, Integer workersReached, String createdBy, OffsetDateTime createdAt) {
}
