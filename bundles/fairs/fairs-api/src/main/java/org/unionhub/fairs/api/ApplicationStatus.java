package org.unionhub.fairs.api;

/**
 * A stall application's state. ALLOCATED and OFFERED hold a stall number; WAITLISTED holds a place in line.
 * EXPIRED means an offer was not accepted within the fair's offer window.
 */
public enum ApplicationStatus {
    ALLOCATED, WAITLISTED, OFFERED, WITHDRAWN, REJECTED, EXPIRED;

    /** Whether the application holds a stall (a number) right now. */
    public boolean holdsStall() {
        return this == ALLOCATED || this == OFFERED;
    }

    /** Whether the application still counts for the fair (and so blocks a second one with the same credit code). */
    public boolean isActive() {
        return this == ALLOCATED || this == OFFERED || this == WAITLISTED;
    }
}
