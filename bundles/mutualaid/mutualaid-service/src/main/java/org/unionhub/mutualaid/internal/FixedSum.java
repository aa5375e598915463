package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;

/** The fixed sum a major-illness or accident plan pays on an event (diagnosis, death, disability). */
public record FixedSum(ClaimEvent event, BigDecimal amount) {
}
