package org.unionhub.modelworkers.internal;

import java.math.BigDecimal;
import org.unionhub.api.validation.MaxLength;
import org.unionhub.api.validation.Required;

/**
 * A payment from the special subsidy fund. For {@code ANNUAL_SPECIAL} the amount may be left out (the
 * configured amount for the highest title is paid) and may not exceed it; {@code HARDSHIP_RELIEF} needs an
 * amount and a {@code note} saying why.
 */
public record SubsidyRequest(@Required Long recordId, @Required SubsidyKind kind, Integer year, BigDecimal amount,
        @MaxLength(500) String note) {
}
