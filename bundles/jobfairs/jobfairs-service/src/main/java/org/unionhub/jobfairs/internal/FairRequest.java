package org.unionhub.jobfairs.internal;

import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.jobfairs.api.FairMode;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/**
 * Create or replace a fair; {@code orgId} defaults to the officer's own organisation. {@code unionFairId}
 * links the job fair to the job-recruitment section of a union fair, when the fairs module is installed.
 */
@Example("FairRequest.example.json")
public record FairRequest(Long orgId, @Required @MaxLength(200) String name, @Required FairMode mode, @MaxLength(300) String venue,
        @MaxLength(500) String streamUrl,
        @Required OffsetDateTime startsAt, @Required OffsetDateTime endsAt, @MaxLength(2000) List<String> serviceZones,
        Integer boothCapacity, Long unionFairId) {
}
