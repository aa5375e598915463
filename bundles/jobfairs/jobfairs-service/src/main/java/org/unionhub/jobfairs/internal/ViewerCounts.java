package org.unionhub.jobfairs.internal;

/** Viewer figures the host posts for a session: most at once, and all who watched. */
public record ViewerCounts(Integer peakViewers, Integer totalViewers) {
}
