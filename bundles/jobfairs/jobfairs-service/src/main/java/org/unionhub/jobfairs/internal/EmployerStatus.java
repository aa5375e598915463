package org.unionhub.jobfairs.internal;

/** An employer's registration for a fair: waiting for an officer, approved, or rejected. */
public enum EmployerStatus {
    PENDING, APPROVED, REJECTED
}
