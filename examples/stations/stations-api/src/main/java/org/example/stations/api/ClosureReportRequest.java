package org.example.stations.api;

import java.time.OffsetDateTime;

/** "I found it shut": {@code reportedAt} defaults to now and may lie at most 7 days back. */
public record ClosureReportRequest(OffsetDateTime reportedAt, String note) {
}
