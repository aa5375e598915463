package org.unionhub.modelworkers.internal;

/** {@code APPLIED → APPROVED → PAID}, or {@code REJECTED} by the reviewer. */
public enum SubsidyStatus {
    APPLIED,
    APPROVED,
    PAID,
    REJECTED
}
