package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** A fair as clients read it; {@code state} and the stall counts are as of the request. */
public record Fair(long id, String name, String theme, String venue, Long orgId, OffsetDateTime startsAt,
        OffsetDateTime endsAt, int days, int stallCount, BigDecimal stallFeePerDay, OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt, Integer offerWindowHours, List<String> sections, FairState state,
        int stallsTaken, int stallsFree, int waitlisted, OffsetDateTime closedAt, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {
}
