package org.unionhub.mutualaid.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants are stored in UTC and shown in the hub's zone. */
final class Times {

    private Times() {
    }

    static OffsetDateTime at(Instant instant, ZoneId zone) {
        return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
    }
}
