package org.unionhub.fairs.api;

import java.time.OffsetDateTime;

public record VisitSlot(long id, OffsetDateTime slotStart, OffsetDateTime slotEnd, int visits) {
}
