package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.unionhub.api.validation.MaxLength;

/**
 * Create or replace a fair. {@code stallFeePerDay} defaults to the configured fee; {@code offerWindowHours}
 * absent or 0 gives a freed stall to the first in line at once, otherwise as an offer valid that many hours.
 * {@code orgId} defaults to the officer's organisation.
 */
public record FairRequest(@MaxLength(200) String name, @MaxLength(200) String theme, @MaxLength(300) String venue,
        Long orgId, OffsetDateTime startsAt,
        OffsetDateTime endsAt, Integer stallCount, BigDecimal stallFeePerDay, OffsetDateTime registrationOpensAt,
        OffsetDateTime registrationClosesAt, Integer offerWindowHours, @MaxLength(4000) List<String> sections) {
}
