package org.unionhub.mutualaid.internal;

import java.time.Instant;
import java.time.LocalDate;


/** A plan's unversioned part. */
record PlanHead(long id, String name, PlanKind kind, LocalDate periodStart, LocalDate periodEnd, Instant createdAt) {

    boolean inPeriod(LocalDate d) {
        return !d.isBefore(periodStart) && !d.isAfter(periodEnd);
    }
}
