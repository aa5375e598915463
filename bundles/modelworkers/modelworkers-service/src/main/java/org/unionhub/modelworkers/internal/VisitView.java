package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

public record VisitView(long id, long recordId, String name, long orgId, LocalDate visitedOn, VisitOccasion occasion,
        BigDecimal giftAmount, String note, String createdBy, OffsetDateTime createdAt) {
}
