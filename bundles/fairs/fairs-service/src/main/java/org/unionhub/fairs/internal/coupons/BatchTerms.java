package org.unionhub.fairs.internal.coupons;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.unionhub.api.NewFormKind;

/**
 * A batch's terms beyond the plain batch: percentage and cap, the group it is aimed at (empty: every member), its release
 * time, the monthly series it belongs to ({@code seriesId} = the first month's batch, {@code seriesMonth} 1, 2, …), its
 * sponsor and the union's share of each saving.
 */
public record BatchTerms(long batchId, BigDecimal rate, BigDecimal cap, List<NewFormKind> newFormKinds, OffsetDateTime releaseAt,
        Long seriesId, Integer seriesMonth, String sponsor, BigDecimal unionShare) {
}
