package org.unionhub.jobfairs.internal;

import org.unionhub.api.validation.Required;

/** Viewer figures the host posts for a session: most at once, and all who watched. */
public record ViewerCounts(@Required Integer peakViewers, @Required Integer totalViewers) {
}
