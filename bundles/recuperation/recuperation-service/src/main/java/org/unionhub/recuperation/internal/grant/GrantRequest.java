package org.unionhub.recuperation.internal.grant;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.unionhub.api.validation.MaxLength;

/** An enterprise union's application: the enterprise, its unified social credit code, the trip and the amount asked. */
public record GrantRequest(Long orgId, @MaxLength(200) String enterpriseName, @MaxLength(18) String creditCode,
        @MaxLength(200) String title, LocalDate startDate, Integer days, Integer persons, BigDecimal amount) {
}
