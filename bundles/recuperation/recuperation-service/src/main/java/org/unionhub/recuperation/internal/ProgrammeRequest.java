package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/** {@code endDate} is optional: when given it must be {@code startDate + days − 1} (or it gives {@code days}). */
public record ProgrammeRequest(@Required Long sanatoriumId, @MaxLength(200) String title, @Required LocalDate startDate, Integer days,
        LocalDate endDate,
        @Required Integer places, @Required BigDecimal pricePerPersonPerDay, List<QuotaRequest> quotas) {
}
