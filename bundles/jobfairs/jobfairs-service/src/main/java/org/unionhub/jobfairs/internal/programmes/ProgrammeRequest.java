package org.unionhub.jobfairs.internal.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.unionhub.api.validation.MaxLength;

/**
 * A programme of the union {@code orgId} (the officer's own when left out). {@code amount} is the subsidy per
 * worker, CNY, required for a study subsidy and absent for training: the region's figure (Nansha: 1,500).
 */
public record ProgrammeRequest(Long orgId, ProgrammeKind kind, @MaxLength(200) String name,
        @MaxLength(4000) String description, Integer places, BigDecimal amount, LocalDate applyFrom, LocalDate applyTo) {
}
