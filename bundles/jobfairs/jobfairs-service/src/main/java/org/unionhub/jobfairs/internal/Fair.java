package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.jobfairs.api.FairMode;

/** A job fair as the API shows it. */
public record Fair(long id, long orgId, String name, FairMode mode, String venue, String streamUrl,
        OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> serviceZones, int boothCapacity, int boothsTaken,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, Long unionFairId) {
}
