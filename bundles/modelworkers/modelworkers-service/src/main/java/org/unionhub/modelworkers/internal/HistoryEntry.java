package org.unionhub.modelworkers.internal;

import java.time.OffsetDateTime;


/** One status change of a record: who, when, why. {@code from} is null for the record's creation. */
public record HistoryEntry(long id, RecordStatus from, RecordStatus to, String reason, String changedBy,
        OffsetDateTime changedAt) {
}
