package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;

/** A year's service sessions in a part of the tree: sessions, distinct enterprises and model workers, hours, reach. */
public record ActivityTotals(int year, Long orgId, long sessions, long enterprises, long modelWorkers, BigDecimal hours,
        long workersReached) {
}
