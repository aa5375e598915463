package org.unionhub.modelworkers.internal;

import org.unionhub.modelworkers.api.RecordStatus;
import org.unionhub.api.validation.MaxLength;

/**
 * A new archive record with its first title. {@code status} defaults to ACTIVE; {@code memberId}
 * optionally links the record to a hub member.
 */
public record RecordRequest(@MaxLength(100) String name, @MaxLength(18) String idNumber, @MaxLength(64) String title,
        Integer yearAwarded, @MaxLength(200) String awardingBody,
        @MaxLength(200) String workplace, Long orgId, @MaxLength(100) String contact, RecordStatus status,
        Long memberId) {
}
