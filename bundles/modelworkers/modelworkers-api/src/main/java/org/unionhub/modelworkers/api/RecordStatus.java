package org.unionhub.modelworkers.api;

/** Where a model worker stands; every change is kept in the record's history with who, when and why. */
public enum RecordStatus {
    ACTIVE,
    RETIRED,
    DECEASED,
    TITLE_REVOKED
}
