package org.unionhub.mutualaid.internal;

import java.time.OffsetDateTime;

/** One step of a claim's life: who moved it from which status to which, when, and why. */
public record ClaimStep(ClaimStatus from, ClaimStatus to, String by, OffsetDateTime at, String note) {
}
