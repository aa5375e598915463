package org.unionhub.core.internal.personal;

import java.time.Instant;

/**
 * A member's request about his own data. {@code kind}: CORRECTION or DELETION; {@code status}: PENDING, APPROVED
 * (a correction accepted, or a deletion carried out in every module) or REFUSED (with {@code decisionReason}).
 */
public record DataRequest(long id, long memberId, long orgId, String kind, String detail, String status,
        String decisionReason, String createdBy, Instant createdAt, String decidedBy, Instant decidedAt) {

    public static final String PENDING = "PENDING";
    public static final String APPROVED = "APPROVED";
    public static final String REFUSED = "REFUSED";
    public static final String CORRECTION = "CORRECTION";
    public static final String DELETION = "DELETION";
}
