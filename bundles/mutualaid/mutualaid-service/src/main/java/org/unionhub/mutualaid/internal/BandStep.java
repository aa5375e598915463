package org.unionhub.mutualaid.internal;

import java.math.BigDecimal;

/** How much of the covered amount fell into one band and what it paid (rounded half up to fen). */
public record BandStep(BigDecimal from, BigDecimal upTo, BigDecimal ratio, BigDecimal base, BigDecimal amount) {
}
