package org.unionhub.fairs.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A stall application. {@code stallNumber} is set while ALLOCATED or OFFERED, {@code waitlistPosition} while
 * WAITLISTED (1 = next in line). {@code withdrawalToken} is shown once, in the answer to the application itself.
 */
public record Application(long id, long fairId, String companyName, String creditCode, String contact,
        String category, boolean offersMemberDiscount, ApplicationStatus status, Integer stallNumber,
        Integer waitlistPosition, BigDecimal fee, boolean feeWaived, OffsetDateTime offerExpiresAt, String reason,
        OffsetDateTime createdAt, OffsetDateTime updatedAt, String withdrawalToken) {

    public Application withToken(String token) {
        return new Application(id, fairId, companyName, creditCode, contact, category, offersMemberDiscount, status,
                stallNumber, waitlistPosition, fee, feeWaived, offerExpiresAt, reason, createdAt, updatedAt, token);
    }
}
