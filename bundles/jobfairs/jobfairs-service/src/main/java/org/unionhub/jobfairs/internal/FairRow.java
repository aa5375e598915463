package org.unionhub.jobfairs.internal;

import java.time.Instant;

import org.unionhub.jobfairs.api.FairMode;

/** The columns of a fair that the rules need. */
record FairRow(long id, long orgId, String name, FairMode mode, Instant startsAt, Instant endsAt, int boothCapacity,
        int boothsTaken) {
}
