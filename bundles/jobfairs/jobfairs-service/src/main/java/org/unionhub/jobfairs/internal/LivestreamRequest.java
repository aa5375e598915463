package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** Create or replace a livestream session. */
public record LivestreamRequest(@Required @MaxLength(200) String title, @Required @MaxLength(100) String host,
        @MaxLength(500) String streamUrl, @Required OffsetDateTime startsAt,
        @Required OffsetDateTime endsAt, List<Long> positionIds) {
}
