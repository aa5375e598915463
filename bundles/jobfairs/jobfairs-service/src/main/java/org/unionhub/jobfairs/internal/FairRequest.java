package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.jobfairs.api.FairMode;

/**
 * Create or replace a fair; {@code orgId} defaults to the officer's own organisation. {@code unionFairId}
 * links the job fair to the job-recruitment section of a union fair, when the fairs module is installed.
 */
public record FairRequest(Long orgId, String name, FairMode mode, String venue, String streamUrl,
        OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> serviceZones, Integer boothCapacity, Long unionFairId) {
}
