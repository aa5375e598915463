package org.unionhub.modelworkers.internal;

/**
 * DRAFT → SUBMITTED → RETURNED → SUBMITTED … → APPROVED or REJECTED. A title the region does not confer itself
 * goes SUBMITTED → RECOMMENDED (sent upward) → APPROVED when the conferring body conferred it, or REJECTED.
 */
public enum NominationState { DRAFT, SUBMITTED, RETURNED, RECOMMENDED, APPROVED, REJECTED }
