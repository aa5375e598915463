package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

public record Sale(long id, long fairId, String merchant, String creditCode, BigDecimal amount, OffsetDateTime soldAt) {
}
