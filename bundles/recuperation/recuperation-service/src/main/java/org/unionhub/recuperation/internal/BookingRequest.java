package org.unionhub.recuperation.internal;

import java.util.List;
import java.util.Map;

import org.unionhub.recuperation.api.Category;
import org.unionhub.api.validation.Required;

/**
 * An organising union books places for its members, or a member books himself ({@code organiserOrgId}
 * then defaults to his own union). {@code categories} maps a member id to the category the officer
 * declares for him; without one, a private-enterprise or new-form worker travels in his employment form's category.
 */
public record BookingRequest(@Required Long programmeId, Long organiserOrgId, @Required List<Long> memberIds, Map<Long, Category> categories) {
}
