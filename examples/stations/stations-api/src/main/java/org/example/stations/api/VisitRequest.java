package org.example.stations.api;

import java.time.LocalDate;

/** Check-ins counted at a station on {@code day} (default today); adds to what that day already has. */
public record VisitRequest(LocalDate day, Integer count) {
}
