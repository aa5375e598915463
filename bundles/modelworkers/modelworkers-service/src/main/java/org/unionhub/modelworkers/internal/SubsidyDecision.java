package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;

import org.unionhub.api.validation.MaxLength;

/** A reviewer's decision: approve (optionally a lower {@code amount}, with a {@code note} why) or reject ({@code note}). */
public record SubsidyDecision(BigDecimal amount, @MaxLength(500) String note) {
}
