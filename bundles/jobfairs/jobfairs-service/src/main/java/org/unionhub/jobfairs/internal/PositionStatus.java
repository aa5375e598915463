package org.unionhub.jobfairs.internal;

/** Open positions take applications; a position closes by hand or when every place is filled. */
public enum PositionStatus {
    OPEN, CLOSED
}
