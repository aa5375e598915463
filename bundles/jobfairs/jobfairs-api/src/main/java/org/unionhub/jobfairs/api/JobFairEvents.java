package org.unionhub.jobfairs.api;

import org.unionhub.api.Topics;

/**
 * EventAdmin topics of the jobfairs module. Properties: {@code fairId}, {@code positionId},
 * {@code employerId}, {@code applicationId}, {@code memberId}, {@code status} (as present).
 */
public final class JobFairEvents {

    public static final String MODULE = "jobfairs";
    public static final String EMPLOYER_REGISTERED = Topics.of(MODULE, "EMPLOYER_REGISTERED");
    public static final String EMPLOYER_APPROVED = Topics.of(MODULE, "EMPLOYER_APPROVED");
    public static final String APPLICATION_SUBMITTED = Topics.of(MODULE, "APPLICATION_SUBMITTED");
    public static final String APPLICATION_STATUS_CHANGED = Topics.of(MODULE, "APPLICATION_STATUS_CHANGED");
    public static final String APPLICATION_HIRED = Topics.of(MODULE, "APPLICATION_HIRED");

    private JobFairEvents() {
    }
}
