package org.unionhub.modelworkers.internal;


/**
 * Search criteria; all optional. {@code idNumber} matches exactly (through the blind index); only an admin may
 * use it, with a {@code reason} that is audited.
 */
public record RecordFilter(String name, String title, Integer year, RecordStatus status, Long orgId, String idNumber,
        String reason) {

    public RecordFilter(String name, String title, Integer year, RecordStatus status, Long orgId) {
        this(name, title, year, status, orgId, null, null);
    }
}
