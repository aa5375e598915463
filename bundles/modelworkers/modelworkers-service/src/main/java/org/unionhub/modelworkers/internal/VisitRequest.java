package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A condolence visit; {@code giftAmount} is the condolence money handed over (慰问金), if any. */
public record VisitRequest(Long recordId, LocalDate visitedOn, VisitOccasion occasion, BigDecimal giftAmount, String note) {
}
