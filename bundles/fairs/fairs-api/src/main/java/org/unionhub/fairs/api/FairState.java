package org.unionhub.fairs.api;

/** Where a fair stands, derived from its dates (and an explicit close) at the moment of the request. */
public enum FairState {
    PLANNED, REGISTRATION_OPEN, RUNNING, CLOSED
}
