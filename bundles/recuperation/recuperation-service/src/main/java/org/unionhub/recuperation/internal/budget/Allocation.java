package org.unionhub.recuperation.internal.budget;

import java.math.BigDecimal;

/** A share of a budget the province allocated to a city or district: {@code left = amount − spent}. */
public record Allocation(String budgetKey, long orgId, String orgName, BigDecimal amount, BigDecimal spent, BigDecimal left) {
}
