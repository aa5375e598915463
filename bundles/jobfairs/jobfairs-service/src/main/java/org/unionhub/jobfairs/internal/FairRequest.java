package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.jobfairs.api.FairMode;

/** Create or replace a fair; {@code orgId} defaults to the officer's own organisation. */
public record FairRequest(Long orgId, String name, FairMode mode, String venue, String streamUrl,
        OffsetDateTime startsAt, OffsetDateTime endsAt, List<String> serviceZones, Integer boothCapacity) {
}
