package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.unionhub.api.validation.MaxLength;

/** {@code endDate} is optional: when given it must be {@code startDate + days − 1} (or it gives {@code days}). */
public record ProgrammeRequest(Long sanatoriumId, @MaxLength(200) String title, LocalDate startDate, Integer days,
        LocalDate endDate,
        Integer places, BigDecimal pricePerPersonPerDay, List<QuotaRequest> quotas) {
}
