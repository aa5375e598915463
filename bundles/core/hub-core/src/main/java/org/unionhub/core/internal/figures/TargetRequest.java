package org.unionhub.core.internal.figures;

import java.math.BigDecimal;

import org.unionhub.api.validation.MaxLength;

/** The region's target for one figure of one module, at one organisation, for one period. */
public record TargetRequest(Long orgId, @MaxLength(7) String period, @MaxLength(64) String module,
        @MaxLength(64) String figure, BigDecimal target) {
}
