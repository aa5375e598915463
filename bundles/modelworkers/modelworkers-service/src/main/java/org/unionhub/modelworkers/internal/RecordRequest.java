package org.unionhub.modelworkers.internal;

import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/**
 * A new archive record with its first title. {@code status} defaults to ACTIVE; {@code memberId}
 * optionally links the record to a hub member.
 */
@Example("RecordRequest.example.json")
public record RecordRequest(@Required @MaxLength(100) String name, @Required @MaxLength(18) String idNumber, @Required @MaxLength(64) String title,
        @Required Integer yearAwarded, @MaxLength(200) String awardingBody,
        @MaxLength(200) String workplace, @Required Long orgId, @MaxLength(100) String contact, RecordStatus status,
        Long memberId) {
}
