package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;

import org.unionhub.api.validation.MaxLength;

/** A union above decides: approve {@code approvedAmount} (at most what was asked; default all of it) or reject with a note. */
public record GrantReview(Boolean approve, BigDecimal approvedAmount, @MaxLength(500) String note) {
}
