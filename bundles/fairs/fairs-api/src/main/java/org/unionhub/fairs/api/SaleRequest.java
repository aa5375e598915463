package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** Turnover a merchant reports for a fair; {@code soldAt} defaults to now. */
public record SaleRequest(@Required @MaxLength(200) String merchant, @MaxLength(18) String creditCode, @Required BigDecimal amount,
        OffsetDateTime soldAt) {
}
