package org.example.stations.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import org.example.stations.api.BookingStatus;
import org.unionhub.api.db.Sql;

/** One STATIONS_BOOKING row as stored. */
record BookingRow(long id, long stationId, long lockerId, long compartmentId, int compartmentNumber, String supply,
        long memberId, Instant slotStart, Instant slotEnd, BookingStatus status, Instant createdAt, Instant cancelledAt,
        Instant collectedAt) {

    static final String SELECT = "SELECT ID, STATION_ID, LOCKER_ID, COMPARTMENT_ID, COMPARTMENT_NUMBER, SUPPLY, MEMBER_ID, "
            + "SLOT_START, SLOT_END, STATUS, CREATED_AT, CANCELLED_AT, COLLECTED_AT FROM STATIONS_BOOKING";

    static BookingRow of(ResultSet rs) throws SQLException {
        return new BookingRow(rs.getLong("ID"), rs.getLong("STATION_ID"), rs.getLong("LOCKER_ID"),
                rs.getLong("COMPARTMENT_ID"), rs.getInt("COMPARTMENT_NUMBER"), rs.getString("SUPPLY"),
                rs.getLong("MEMBER_ID"), Sql.getInstant(rs, "SLOT_START"), Sql.getInstant(rs, "SLOT_END"),
                Sql.getEnum(rs, "STATUS", BookingStatus.class), Sql.getInstant(rs, "CREATED_AT"),
                Sql.getInstant(rs, "CANCELLED_AT"), Sql.getInstant(rs, "COLLECTED_AT"));
    }
}
