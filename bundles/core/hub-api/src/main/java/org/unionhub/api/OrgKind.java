package org.unionhub.api;

/** The kinds of union organisation in a federation's tree. */
public enum OrgKind {
    FEDERATION(true),
    CITY(true),
    DISTRICT(true),
    COUNTY(true),
    GRASSROOTS(false),
    INDUSTRY(false),
    NEW_FORM_FEDERATION(false);

    private final boolean countyLevelOrHigher;

    OrgKind(boolean countyLevelOrHigher) {
        this.countyLevelOrHigher = countyLevelOrHigher;
    }

    /** Federations of county level or higher (县级以上工会), which some subsidy rules name. */
    public boolean isCountyLevelOrHigher() {
        return countyLevelOrHigher;
    }
}
