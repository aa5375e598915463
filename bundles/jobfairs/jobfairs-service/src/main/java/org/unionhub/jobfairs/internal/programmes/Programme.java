package org.unionhub.jobfairs.internal.programmes;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A programme with its places: taken at approval, paid at payment; {@code paidTotal} is what was paid out. */
public record Programme(long id, long orgId, ProgrammeKind kind, String name, String description, int places,
        int placesTaken, int paidCount, BigDecimal amount, BigDecimal paidTotal, LocalDate applyFrom, LocalDate applyTo,
        OffsetDateTime createdAt, OffsetDateTime updatedAt) {
}
