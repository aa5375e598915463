package org.unionhub.jobfairs.api;

/** How a job fair meets its visitors. On-site and hybrid fairs have a limited number of booths. */
public enum FairMode {
    ONSITE, ONLINE, HYBRID, LIVESTREAM;

    /** Whether employers can take a physical booth at this kind of fair. */
    public boolean hasBooths() {
        return this == ONSITE || this == HYBRID;
    }
}
