package org.unionhub.jobfairs.api;

import java.time.OffsetDateTime;

/** A job fair in a few figures, for modules that link to it (a fair's job-recruitment section, a report). */
public record JobFairSummary(long id, String name, FairMode mode, long orgId, OffsetDateTime startsAt,
        OffsetDateTime endsAt, long employers, long openPositions, long headcount) {
}
