package org.unionhub.fairs.api;

import java.time.OffsetDateTime;

/** Visitors counted in one time slot of a fair. */
public record VisitRequest(OffsetDateTime slotStart, OffsetDateTime slotEnd, Integer visits) {
}
