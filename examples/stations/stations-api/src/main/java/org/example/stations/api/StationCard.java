package org.example.stations.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The card one review gave one station, with the figures behind it: {@code visits} counted plus {@code bookings}
 * made is the station's use, {@code closureReports} those that fell inside its opening hours.
 */
public record StationCard(long id, long reviewId, long stationId, String stationName, Card card, long visits,
        long bookings, long closureReports, List<String> reasons, LocalDate from, LocalDate to, OffsetDateTime issuedAt) {
}
