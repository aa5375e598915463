package org.unionhub.mutualaid.internal;

/** Money into the fund (a member's contribution) or out of it (a claim's payout). */
public enum LedgerKind {
    CONTRIBUTION,
    PAYOUT
}
