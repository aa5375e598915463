package org.example.stations.api;

import java.time.LocalDate;

/** Review the stations of {@code orgId} (default: the officer's organisation; all for an admin) over from..to. */
public record ReviewRequest(LocalDate from, LocalDate to, Long orgId) {
}
