package org.unionhub.mutualaid.internal;

import java.time.OffsetDateTime;

/** A family member covered through a member's enrolment; claims name him by {@code id} as {@code familyMemberId}. */
public record FamilyMember(long id, long enrolmentId, long memberId, String name, FamilyRelation relation, String createdBy,
        OffsetDateTime createdAt) {
}
