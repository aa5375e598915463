package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;
import org.unionhub.api.validation.MaxLength;

/** Create or replace a livestream session. */
public record LivestreamRequest(@MaxLength(200) String title, @MaxLength(100) String host,
        @MaxLength(500) String streamUrl, OffsetDateTime startsAt,
        OffsetDateTime endsAt, List<Long> positionIds) {
}
