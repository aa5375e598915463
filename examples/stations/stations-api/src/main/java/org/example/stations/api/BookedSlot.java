package org.example.stations.api;

import java.time.OffsetDateTime;

/** A slot of a compartment that is taken, as members see it when they choose one: no member is named. */
public record BookedSlot(long compartmentId, int compartmentNumber, OffsetDateTime slotStart, OffsetDateTime slotEnd) {
}
