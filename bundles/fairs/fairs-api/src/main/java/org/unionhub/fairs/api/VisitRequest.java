package org.unionhub.fairs.api;

import java.time.OffsetDateTime;
import org.unionhub.api.validation.Required;

/** Visitors counted in one time slot of a fair. */
public record VisitRequest(@Required OffsetDateTime slotStart, @Required OffsetDateTime slotEnd, @Required Integer visits) {
}
