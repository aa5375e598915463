package org.unionhub.recuperation.internal.settle;

import org.unionhub.api.personal.ConsentGiven;
import org.unionhub.api.validation.MaxLength;

/**
 * What a member sends to ask for a place: the programme, an optional note to his union and his consent to the trip
 * notice ({@code GET /api/notices/trip}), required; a note needs the separate {@code MEDICAL} consent (it often speaks
 * of his health).
 */
public record TripRequestBody(Long programmeId, @MaxLength(500) String note, ConsentGiven consent) {
}
