package org.unionhub.recuperation.internal;

import java.math.BigDecimal;

/** A policy's budget as the ledger holds it: {@code left = total − spent}, never negative. */
public record BudgetLine(String key, String policyId, String description, BigDecimal total, BigDecimal spent, BigDecimal left) {
}
