package org.unionhub.recuperation.internal.settle;

import java.time.OffsetDateTime;

/** A member's request to his union to send him on a programme; {@code status} REQUESTED, then BOOKED with {@code bookingId}. */
public record TripRequest(long id, long programmeId, long memberId, long orgId, String note, String status, Long bookingId,
        OffsetDateTime createdAt) {

    public static final String REQUESTED = "REQUESTED";
    public static final String BOOKED = "BOOKED";
}
