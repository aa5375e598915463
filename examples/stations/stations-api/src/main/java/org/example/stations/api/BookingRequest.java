package org.example.stations.api;

import java.time.OffsetDateTime;

/**
 * Book a compartment for a time slot. {@code slotStart} (and {@code slotEnd}, default one slot later) lie on the
 * slot grid of the hub's zone; {@code memberId} only when an officer books for a member.
 */
public record BookingRequest(Long compartmentId, OffsetDateTime slotStart, OffsetDateTime slotEnd, Long memberId) {
}
