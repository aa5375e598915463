package org.unionhub.recuperation.internal;

import java.util.List;
import java.util.Map;

import org.unionhub.recuperation.api.Category;

/**
 * An organising union books places for its members, or a member books himself ({@code organiserOrgId}
 * then defaults to his own union). {@code categories} maps a member id to the category the officer
 * declares for him; without one, a private-enterprise or new-form worker travels in his employment form's category.
 */
public record BookingRequest(Long programmeId, Long organiserOrgId, List<Long> memberIds, Map<Long, Category> categories) {
}
