package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record SubsidyView(long id, long recordId, String name, SubsidyKind kind, int year, BigDecimal amount, String note,
        String paidBy, OffsetDateTime paidAt) {
}
