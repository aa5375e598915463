package org.unionhub.modelworkers.internal;

import org.unionhub.modelworkers.api.RecordStatus;

/**
 * A new archive record with its first title. {@code status} defaults to ACTIVE; {@code memberId}
 * optionally links the record to a hub member.
 */
public record RecordRequest(String name, String idNumber, String title, Integer yearAwarded, String awardingBody,
        String workplace, Long orgId, String contact, RecordStatus status, Long memberId) {
}
