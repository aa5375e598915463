package org.unionhub.mutualaid.internal;

/**
 * What a claim is for: a hospital stay (paid by the plan's expense bands) or an event that pays the plan's fixed
 * sum, a condolence payment (慰问金): a diagnosis of a covered major illness, a death, or a disability.
 */
public enum ClaimEvent {
    HOSPITAL_STAY,
    DIAGNOSIS,
    DEATH,
    DISABILITY
}
