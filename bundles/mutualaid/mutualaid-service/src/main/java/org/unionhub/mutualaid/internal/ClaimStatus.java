package org.unionhub.mutualaid.internal;

/** {@code SUBMITTED → UNDER_REVIEW → APPROVED → PAID}, or {@code REJECTED}, or {@code RETURNED} for more documents. */
public enum ClaimStatus {
    SUBMITTED,
    UNDER_REVIEW,
    APPROVED,
    PAID,
    REJECTED,
    RETURNED
}
