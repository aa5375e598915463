package org.unionhub.mutualaid.api;

/** Money into the fund (a member's contribution) or out of it (a claim's payout). */
public enum LedgerKind {
    CONTRIBUTION,
    PAYOUT
}
