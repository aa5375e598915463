package org.unionhub.mutualaid.internal;

/** Whether a claim was sampled for a second review, and where that review stands. */
public enum SecondReview {
    NONE,
    PENDING,
    /** Another reviewer confirmed the approval; the claim may be paid. */
    CONFIRMED,
    /** Another reviewer rejected the approval. */
    OVERTURNED
}
