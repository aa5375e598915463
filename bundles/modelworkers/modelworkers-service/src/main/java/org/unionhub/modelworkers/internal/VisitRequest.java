package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.unionhub.api.validation.Required;

/** A condolence visit; {@code giftAmount} is the condolence money handed over (慰问金), if any. */
public record VisitRequest(@Required Long recordId, @Required LocalDate visitedOn, @Required VisitOccasion occasion, BigDecimal giftAmount, String note) {
}
