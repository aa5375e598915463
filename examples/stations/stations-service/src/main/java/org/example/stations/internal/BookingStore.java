package org.example.stations.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.example.stations.api.BookingStatus;
import org.unionhub.api.db.Sql;

/**
 * The SQL of locker bookings: the unit a booking takes ({@code RESERVED < STOCK}), its slots (one row each, whose
 * primary key refuses a double booking), the member's count of bookings held, and the rows read back.
 */
final class BookingStore {

    private BookingStore() {
    }

    /** A compartment of the station: its locker, number and supply. */
    record CompartmentRow(long id, long lockerId, int number, String supply) {
    }

    static Optional<CompartmentRow> compartment(Connection c, long compartmentId, long stationId) throws SQLException {
        return Sql.one(c, "SELECT C.ID, C.LOCKER_ID, C.NUMBER, C.SUPPLY FROM STATIONS_COMPARTMENT C "
                + "JOIN STATIONS_LOCKER L ON L.ID = C.LOCKER_ID WHERE C.ID = ? AND L.STATION_ID = ?",
                rs -> new CompartmentRow(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4)), compartmentId, stationId);
    }

    /** One unit of the supply, taken under the compartment's row lock: concurrent bookers queue here. */
    static boolean takeUnit(Connection c, long compartmentId) throws SQLException {
        return Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET RESERVED = RESERVED + 1 WHERE ID = ? AND RESERVED < STOCK",
                compartmentId) == 1;
    }

    static void returnUnit(Connection c, long compartmentId) throws SQLException {
        Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET RESERVED = RESERVED - 1 WHERE ID = ?", compartmentId);
    }

    /** The unit leaves the compartment with the member. */
    static void handOver(Connection c, long compartmentId) throws SQLException {
        Sql.update(c, "UPDATE STATIONS_COMPARTMENT SET STOCK = STOCK - 1, RESERVED = RESERVED - 1 WHERE ID = ?", compartmentId);
    }

    static long insert(Connection c, long stationId, CompartmentRow comp, long memberId, Instant start, Instant end,
            String bookedBy, Instant now) throws SQLException {
        return Sql.insert(c, "INSERT INTO STATIONS_BOOKING (STATION_ID, LOCKER_ID, COMPARTMENT_ID, "
                + "COMPARTMENT_NUMBER, SUPPLY, MEMBER_ID, SLOT_START, SLOT_END, STATUS, BOOKED_BY, CREATED_AT) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", stationId, comp.lockerId(), comp.id(), comp.number(),
                comp.supply(), memberId, start, end, BookingStatus.BOOKED, bookedBy, now);
    }

    /** One slot of the booking; a slot booked already fails with the duplicate-key state a duplicate key ({@link Sql#isDuplicateKey}). */
    static void insertSlot(Connection c, long compartmentId, Instant slotStart, long bookingId) throws SQLException {
        Sql.update(c, "INSERT INTO STATIONS_BOOKING_SLOT (COMPARTMENT_ID, SLOT_START, BOOKING_ID) VALUES (?, ?, ?)",
                compartmentId, slotStart, bookingId);
    }

    static void deleteSlots(Connection c, long bookingId) throws SQLException {
        Sql.update(c, "DELETE FROM STATIONS_BOOKING_SLOT WHERE BOOKING_ID = ?", bookingId);
    }

    /** One more booking held by the member while he holds fewer than {@code max}; false at the limit or without a row. */
    static boolean takeHold(Connection c, long memberId, int max) throws SQLException {
        return Sql.update(c, "UPDATE STATIONS_MEMBER_HOLD SET ACTIVE = ACTIVE + 1 WHERE MEMBER_ID = ? AND ACTIVE < ?",
                memberId, max) == 1;
    }

    static boolean hasHoldRow(Connection c, long memberId) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM STATIONS_MEMBER_HOLD WHERE MEMBER_ID = ?", memberId) > 0;
    }

    /** The member's first booking; fails with a duplicate key ({@link Sql#isDuplicateKey}) when a concurrent first booking made the row. */
    static void insertHold(Connection c, long memberId) throws SQLException {
        Sql.update(c, "INSERT INTO STATIONS_MEMBER_HOLD (MEMBER_ID, ACTIVE) VALUES (?, 1)", memberId);
    }

    static void releaseHold(Connection c, long memberId) throws SQLException {
        Sql.update(c, "UPDATE STATIONS_MEMBER_HOLD SET ACTIVE = ACTIVE - 1 WHERE MEMBER_ID = ? AND ACTIVE > 0", memberId);
    }

    /** Bookings of the compartment still BOOKED whose slots ended by {@code now}: id and member. */
    static List<long[]> lapsed(Connection c, long compartmentId, Instant now) throws SQLException {
        return Sql.list(c, "SELECT ID, MEMBER_ID FROM STATIONS_BOOKING WHERE COMPARTMENT_ID = ? AND STATUS = ? "
                + "AND SLOT_END <= ?", rs -> new long[] {rs.getLong(1), rs.getLong(2)}, compartmentId, BookingStatus.BOOKED, now);
    }

    /** Moves a BOOKED booking on, stamping {@code column} when given; false when it was not BOOKED any more. */
    static boolean leaveBooked(Connection c, long bookingId, BookingStatus to, String column, Instant at) throws SQLException {
        if (column == null) {
            return Sql.update(c, "UPDATE STATIONS_BOOKING SET STATUS = ? WHERE ID = ? AND STATUS = ?", to, bookingId,
                    BookingStatus.BOOKED) == 1;
        }
        return Sql.update(c, "UPDATE STATIONS_BOOKING SET STATUS = ?, " + column + " = ? WHERE ID = ? AND STATUS = ?", to, at,
                bookingId, BookingStatus.BOOKED) == 1;
    }

    static Optional<BookingRow> find(Connection c, long bookingId) throws SQLException {
        return Sql.one(c, BookingRow.SELECT + " WHERE ID = ?", BookingRow::of, bookingId);
    }

    static long count(Connection c, String where, List<Object> params) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM STATIONS_BOOKING" + where, params.toArray());
    }

    /** A page of bookings under {@code where}, latest slot first; {@code params} end with offset and limit. */
    static List<BookingRow> page(Connection c, String where, List<Object> params) throws SQLException {
        return Sql.list(c, BookingRow.SELECT + where + " ORDER BY SLOT_START DESC, ID DESC "
                + "OFFSET ? ROWS FETCH NEXT ? ROWS ONLY", BookingRow::of, params.toArray());
    }

    record SlotRow(long compartmentId, int number, Instant start) {
    }

    /** The station's booked or collected slots starting in [from, to), by compartment number and time. */
    static List<SlotRow> slots(Connection c, long stationId, Instant from, Instant to) throws SQLException {
        return Sql.list(c, "SELECT S.COMPARTMENT_ID, C.NUMBER, S.SLOT_START FROM STATIONS_BOOKING_SLOT S "
                + "JOIN STATIONS_COMPARTMENT C ON C.ID = S.COMPARTMENT_ID JOIN STATIONS_LOCKER L ON L.ID = C.LOCKER_ID "
                + "JOIN STATIONS_BOOKING B ON B.ID = S.BOOKING_ID "
                + "WHERE L.STATION_ID = ? AND S.SLOT_START >= ? AND S.SLOT_START < ? AND B.STATUS IN (?, ?) "
                + "ORDER BY C.NUMBER, S.SLOT_START", rs -> new SlotRow(rs.getLong(1), rs.getInt(2),
                        Sql.getInstant(rs, "SLOT_START")), stationId, from, to, BookingStatus.BOOKED, BookingStatus.COLLECTED);
    }
}
