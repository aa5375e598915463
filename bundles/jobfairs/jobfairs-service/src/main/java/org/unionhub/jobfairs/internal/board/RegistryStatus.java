package org.unionhub.jobfairs.internal.board;

/** An employer in the year-round registry: waiting for an officer, approved (it may post), or returned with a reason. */
public enum RegistryStatus {
    PENDING, APPROVED, RETURNED
}
