package org.example.stations.api;

import java.time.OffsetDateTime;

/** A member's booking of one unit of a compartment's supply for a slot. */
public record Booking(long id, long stationId, long lockerId, long compartmentId, int compartmentNumber, String supply,
        long memberId, OffsetDateTime slotStart, OffsetDateTime slotEnd, BookingStatus status, OffsetDateTime createdAt,
        OffsetDateTime cancelledAt, OffsetDateTime collectedAt) {
}
