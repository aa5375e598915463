package org.unionhub.recuperation.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A recuperation programme: a stay of {@code days} days from {@code startDate} (to {@code endDate}
 * inclusive) at one sanatorium. {@code placesLeft} counts places open to anyone: places not taken and not
 * held by a quota; each quota says how many of its own it still holds.
 */
public record Programme(long id, long sanatoriumId, String sanatoriumName, String title, LocalDate startDate, int days,
        LocalDate endDate, int places, int placesTaken, int placesLeft, BigDecimal pricePerPersonPerDay, List<Quota> quotas,
        OffsetDateTime createdAt) {
}
