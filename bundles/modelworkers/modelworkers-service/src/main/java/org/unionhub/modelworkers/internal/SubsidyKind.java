package org.unionhub.modelworkers.internal;

/** The two kinds of payment of the special subsidy fund. */
public enum SubsidyKind {
    /** Once per record and year, amount by the highest title held. */
    ANNUAL_SPECIAL,
    /** One-off relief for hardship, any number, up to the configured maximum each. */
    HARDSHIP_RELIEF
}
