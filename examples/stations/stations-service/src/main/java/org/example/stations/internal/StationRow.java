package org.example.stations.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.example.stations.api.Card;
import org.example.stations.api.DayHours;
import org.example.stations.api.StationState;
import org.unionhub.api.db.Sql;

/** One STATIONS_STATION row with its rating sum and count and its number of lockers. */
record StationRow(long id, String name, String address, long orgId, boolean open24h, List<DayHours> hours,
        List<String> services, String entry, StationState state, Card card, long ratingSum, long ratingCount, int lockers,
        Instant createdAt, Instant updatedAt, Instant closedAt) {

    static final String SELECT = "SELECT S.ID, S.NAME, S.ADDRESS, S.ORG_ID, S.OPEN_24H, S.HOURS, S.SERVICES, S.ENTRY, "
            + "S.STATE, S.CARD, S.CREATED_AT, S.UPDATED_AT, S.CLOSED_AT, "
            + "(SELECT COALESCE(SUM(R.SCORE), 0) FROM STATIONS_RATING R WHERE R.STATION_ID = S.ID) AS RATING_SUM, "
            + "(SELECT COUNT(*) FROM STATIONS_RATING R WHERE R.STATION_ID = S.ID) AS RATING_COUNT, "
            + "(SELECT COUNT(*) FROM STATIONS_LOCKER L WHERE L.STATION_ID = S.ID) AS LOCKERS FROM STATIONS_STATION S";

    static StationRow of(ResultSet rs) throws SQLException {
        String services = rs.getString("SERVICES");
        return new StationRow(rs.getLong("ID"), rs.getString("NAME"), rs.getString("ADDRESS"), rs.getLong("ORG_ID"),
                rs.getBoolean("OPEN_24H"), Rules.decodeHours(rs.getString("HOURS")),
                services == null || services.isEmpty() ? List.of() : Arrays.asList(services.split(",")),
                rs.getString("ENTRY"), Sql.getEnum(rs, "STATE", StationState.class), Sql.getEnum(rs, "CARD", Card.class),
                rs.getLong("RATING_SUM"), rs.getLong("RATING_COUNT"), rs.getInt("LOCKERS"),
                Sql.getInstant(rs, "CREATED_AT"), Sql.getInstant(rs, "UPDATED_AT"), Sql.getInstant(rs, "CLOSED_AT"));
    }

    BigDecimal ratingAverage() {
        return ratingCount == 0 ? null
                : BigDecimal.valueOf(ratingSum).divide(BigDecimal.valueOf(ratingCount), 2, RoundingMode.HALF_UP);
    }
}
