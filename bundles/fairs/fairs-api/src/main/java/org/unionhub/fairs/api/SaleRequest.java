package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Turnover a merchant reports for a fair; {@code soldAt} defaults to now. */
public record SaleRequest(String merchant, String creditCode, BigDecimal amount, OffsetDateTime soldAt) {
}
