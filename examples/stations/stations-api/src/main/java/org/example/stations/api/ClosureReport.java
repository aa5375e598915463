package org.example.stations.api;

import java.time.OffsetDateTime;

/** A report that the station was shut; {@code duringHours} when it fell inside its opening hours (these count). */
public record ClosureReport(long id, long stationId, OffsetDateTime reportedAt, boolean duringHours, String note,
        OffsetDateTime createdAt) {
}
