package org.unionhub.modelworkers.internal;

/** DRAFT → SUBMITTED → RETURNED → SUBMITTED … → APPROVED or REJECTED. */
public enum NominationState { DRAFT, SUBMITTED, RETURNED, APPROVED, REJECTED }
