package org.unionhub.modelworkers.internal;

import org.unionhub.modelworkers.api.RecordStatus;

/** Search criteria; all optional. {@code idNumber} matches exactly (through the blind index). */
public record RecordFilter(String name, String title, Integer year, RecordStatus status, Long orgId, String idNumber) {
}
