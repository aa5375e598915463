package org.example.stations.api;

import java.util.List;

/**
 * Create or replace a station. {@code services} from {@link Station#SERVICES}; {@code hours} is required unless
 * {@code open24h}; {@code entry} says how workers get in (e.g. "face-scan"); {@code orgId} defaults to the
 * officer's organisation.
 */
public record StationRequest(String name, String address, Long orgId, Boolean open24h, List<DayHours> hours,
        List<String> services, String entry) {
}
