package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** Create or replace a livestream session. */
public record LivestreamRequest(String title, String host, String streamUrl, OffsetDateTime startsAt,
        OffsetDateTime endsAt, List<Long> positionIds) {
}
