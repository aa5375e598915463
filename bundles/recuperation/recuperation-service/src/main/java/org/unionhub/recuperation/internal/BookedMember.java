package org.unionhub.recuperation.internal;

import java.math.BigDecimal;

import org.unionhub.recuperation.api.Category;

/** One traveller of a booking: his category, the quota his place came from (null: open places), his subsidy and why. */
public record BookedMember(long memberId, Category category, Category quota, BigDecimal amount, String reason, String budget) {
}
