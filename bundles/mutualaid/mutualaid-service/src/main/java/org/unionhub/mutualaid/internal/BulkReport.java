package org.unionhub.mutualaid.internal;

import java.util.List;

/** What a bulk enrolment did, row by row. */
public record BulkReport(long planId, int rows, int enrolled, int alreadyEnrolled, int refused, List<BulkRow> results) {
}
