package org.unionhub.modelworkers.internal;

/** Where a model worker stands; every change is kept in the record's history with who, when and why. */
public enum RecordStatus {
    ACTIVE,
    RETIRED,
    DECEASED,
    TITLE_REVOKED
}
