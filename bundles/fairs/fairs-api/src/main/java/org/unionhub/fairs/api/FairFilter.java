package org.unionhub.fairs.api;

import java.time.LocalDate;

/** Listing filter: fairs starting on or after {@code from}, on or before {@code to}, in {@code state}. */
public record FairFilter(LocalDate from, LocalDate to, FairState state) {
}
