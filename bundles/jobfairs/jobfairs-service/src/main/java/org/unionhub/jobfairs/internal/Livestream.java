package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

/** A livestream session of a fair, the positions featured in it and its figures. */
public record Livestream(long id, long fairId, String title, String host, String streamUrl, OffsetDateTime startsAt,
        OffsetDateTime endsAt, List<Long> positionIds, int peakViewers, int totalViewers, long applications,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
