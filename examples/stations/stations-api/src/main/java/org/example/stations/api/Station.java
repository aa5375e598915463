package org.example.stations.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A rest station as clients see it. {@code openNow} is computed in the hub's zone at the time of the request;
 * {@code card} is the last review's card; {@code ratingAverage} has two decimals (null before the first rating).
 */
public record Station(long id, String name, String address, long orgId, boolean open24h, List<DayHours> hours,
        List<String> services, String entry, StationState state, boolean openNow, Card card, BigDecimal ratingAverage,
        long ratingCount, int lockers, OffsetDateTime createdAt, OffsetDateTime updatedAt, OffsetDateTime closedAt) {

    /** The fixed vocabulary of services a station may offer. */
    public static final List<String> SERVICES = List.of("rest", "water", "charging", "microwave", "toilet", "first-aid",
            "lockers", "reading", "cooling", "heating", "wifi", "umbrella", "repair");
}
