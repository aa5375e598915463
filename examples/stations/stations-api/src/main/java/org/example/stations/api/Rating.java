package org.example.stations.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** One rating; a member rates a station at most once per day ({@code ratedOn}, hub zone). */
public record Rating(long id, long stationId, long memberId, int score, String comment, LocalDate ratedOn,
        OffsetDateTime createdAt) {
}
