package org.example.stations.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** One run of the red/yellow-card review and the card of every station it covered. */
public record Review(long id, Long orgId, LocalDate from, LocalDate to, String runBy, OffsetDateTime runAt,
        List<StationCard> cards) {
}
