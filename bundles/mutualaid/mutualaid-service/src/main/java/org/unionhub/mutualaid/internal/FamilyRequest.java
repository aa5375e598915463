package org.unionhub.mutualaid.internal;

import org.unionhub.api.validation.MaxLength;

/** A family member an enrolment names as covered ({@code POST /plans/{id}/enrolments/{enrolmentId}/family}). */
public record FamilyRequest(@MaxLength(100) String name, FamilyRelation relation) {
}
