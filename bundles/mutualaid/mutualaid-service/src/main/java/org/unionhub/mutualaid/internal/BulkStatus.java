package org.unionhub.mutualaid.internal;

/** The outcome of one row of a bulk enrolment. */
public enum BulkStatus {
    ENROLLED,
    ALREADY_ENROLLED,
    REFUSED
}
