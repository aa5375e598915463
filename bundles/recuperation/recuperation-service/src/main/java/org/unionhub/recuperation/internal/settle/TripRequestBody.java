package org.unionhub.recuperation.internal.settle;

import org.unionhub.api.validation.MaxLength;

/** What a member sends to ask for a place: the programme and an optional note to his union. */
public record TripRequestBody(Long programmeId, @MaxLength(500) String note) {
}
