package org.example.stations.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A recorded check-in count. */
public record Visit(long id, long stationId, LocalDate day, int count, OffsetDateTime recordedAt) {
}
