package org.unionhub.recuperation.internal.budget;

import java.math.BigDecimal;

import org.unionhub.api.validation.MaxLength;

/** The province allocates {@code amount} of budget {@code budgetKey} (e.g. zhejiang-frontline/2027/reserved) to a city or district. */
public record AllocationRequest(@MaxLength(200) String budgetKey, Long orgId, BigDecimal amount) {
}
