package org.example.stations.api;

import java.time.OffsetDateTime;
import java.util.List;

/** A smart locker of a station; {@code restockDue} once the last restock is older than the restock interval. */
public record Locker(long id, long stationId, String name, List<Compartment> compartments, OffsetDateTime restockedAt,
        boolean restockDue) {
}
