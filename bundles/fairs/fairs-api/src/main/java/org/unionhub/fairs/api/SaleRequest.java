package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.unionhub.api.validation.MaxLength;

/** Turnover a merchant reports for a fair; {@code soldAt} defaults to now. */
public record SaleRequest(@MaxLength(200) String merchant, @MaxLength(18) String creditCode, BigDecimal amount,
        OffsetDateTime soldAt) {
}
