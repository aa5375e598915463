package org.unionhub.jobfairs.internal.programmes;

/** SUBMITTED → APPROVED (a place taken) → PAID (study subsidies); or RETURNED with the reviewer's reason. */
public enum ProgrammeApplicationStatus {
    SUBMITTED, APPROVED, RETURNED, PAID
}
