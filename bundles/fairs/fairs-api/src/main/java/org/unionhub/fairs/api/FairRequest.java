package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;
import org.unionhub.api.web.Example;

/**
 * Create or replace a fair. {@code stallFeePerDay} defaults to the configured fee; {@code offerWindowHours}
 * absent or 0 gives a freed stall to the first in line at once, otherwise as an offer valid that many hours.
 * {@code orgId} defaults to the officer's organisation.
 */
@Example("FairRequest.example.json")
public record FairRequest(@Required @MaxLength(200) String name, @MaxLength(200) String theme, @Required @MaxLength(300) String venue,
        Long orgId, @Required OffsetDateTime startsAt,
        @Required OffsetDateTime endsAt, @Required Integer stallCount, BigDecimal stallFeePerDay, @Required OffsetDateTime registrationOpensAt,
        @Required OffsetDateTime registrationClosesAt, Integer offerWindowHours, @MaxLength(4000) List<String> sections) {
}
