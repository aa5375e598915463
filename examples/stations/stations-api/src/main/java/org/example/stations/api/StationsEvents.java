package org.example.stations.api;

import org.unionhub.api.Topics;

/**
 * EventAdmin topics of the stations module ({@code org/unionhub/stations/<EVENT>}), posted after commit.
 * Properties: {@code stationId}, {@code lockerId}, {@code compartmentId}, {@code bookingId}, {@code memberId},
 * {@code slotStart}, {@code card}, {@code reviewId}, {@code score}.
 */
public final class StationsEvents {

    public static final String MODULE = "stations";
    public static final String BOOKING_MADE = Topics.of(MODULE, "BOOKING_MADE");
    public static final String BOOKING_CANCELLED = Topics.of(MODULE, "BOOKING_CANCELLED");
    public static final String BOOKING_COLLECTED = Topics.of(MODULE, "BOOKING_COLLECTED");
    public static final String LOCKER_RESTOCKED = Topics.of(MODULE, "LOCKER_RESTOCKED");
    public static final String STATION_RATED = Topics.of(MODULE, "STATION_RATED");
    public static final String CLOSURE_REPORTED = Topics.of(MODULE, "CLOSURE_REPORTED");
    public static final String CARD_ISSUED = Topics.of(MODULE, "CARD_ISSUED");
    public static final String STATION_CLOSED = Topics.of(MODULE, "STATION_CLOSED");

    private StationsEvents() {
    }
}
