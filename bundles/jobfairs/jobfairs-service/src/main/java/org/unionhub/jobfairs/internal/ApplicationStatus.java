package org.unionhub.jobfairs.internal;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands: {@code SUBMITTED → VIEWED → INTERVIEW → OFFERED → HIRED}, one step at a
 * time; the employer may reject and the applicant may withdraw at any step before the end.
 */
public enum ApplicationStatus {
    SUBMITTED, VIEWED, INTERVIEW, OFFERED, HIRED, REJECTED, WITHDRAWN;

    public boolean isFinal() {
        return this == HIRED || this == REJECTED || this == WITHDRAWN;
    }

    /** The states this one may move to. */
    public Set<ApplicationStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(VIEWED, REJECTED, WITHDRAWN);
            case VIEWED -> EnumSet.of(INTERVIEW, REJECTED, WITHDRAWN);
            case INTERVIEW -> EnumSet.of(OFFERED, REJECTED, WITHDRAWN);
            case OFFERED -> EnumSet.of(HIRED, REJECTED, WITHDRAWN);
            case HIRED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }

    public boolean canMoveTo(ApplicationStatus target) {
        return target != null && next().contains(target);
    }
}
