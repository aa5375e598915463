package org.example.stations.api;

/** Listing filters, each optional: organisation (and below), a service offered, the state, open right now. */
public record StationFilter(Long orgId, String service, StationState state, Boolean openNow) {
}
